import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useT } from '../i18n/i18n';
import { useUnreadCount } from '../lib/inbox';
import { navigate } from '../lib/router';

/** The bell in the header: the unread count; a click opens the inbox. */
export function InboxBell() {
  const t = useT();
  const count = useUnreadCount();
  if (count === null) return null;
  return (
    <Badge count={count} size="small" offset={[-4, 4]}>
      <Button type="text" icon={<BellOutlined />} aria-label={t.inbox.bell(count)} data-unread={count} onClick={() => navigate('/inbox')} />
    </Badge>
  );
}
