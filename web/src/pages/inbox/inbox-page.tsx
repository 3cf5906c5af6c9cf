import { Badge, Button, Empty, List, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { LoadState } from '../../components/problem-alert';
import { useT } from '../../i18n/i18n';
import { api } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import { inboxChanged, type InboxNotice } from '../../lib/inbox';
import { Link } from '../../lib/router';
import { hasRole, useSession } from '../../lib/session';
import type { Page } from '../../lib/types';
import { useApi } from '../../lib/use-api';

/** The signed-in user's messages, newest first; a notice about a case links to it and is read on the way. */
export function InboxPage() {
  const t = useT();
  const session = useSession();
  const [onlyUnread, setOnlyUnread] = useState(false);
  const notices = useApi(() => api.get<Page<InboxNotice>>('/api/my/notifications', { limit: 100, ...(onlyUnread ? { unread: 'true' } : {}) }), [onlyUnread]);
  const casesOpenable = hasRole(session, 'citizen');

  const markRead = async (notice: InboxNotice) => {
    if (notice.readAt) return;
    await api.post(`/api/my/notifications/${notice.id}/read`);
    inboxChanged();
  };

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t.inbox.title}
      </Typography.Title>
      <Space style={{ marginBottom: 12 }}>
        <Switch checked={onlyUnread} onChange={setOnlyUnread} aria-label={t.inbox.onlyUnread} />
        <span>{t.inbox.onlyUnread}</span>
        <Button onClick={notices.reload} loading={notices.loading}>
          {t.common.refresh}
        </Button>
      </Space>
      <LoadState error={notices.error} />
      <List
        loading={notices.loading && !notices.data}
        dataSource={notices.data?.items ?? []}
        locale={{ emptyText: <Empty description={t.inbox.empty} /> }}
        renderItem={(notice) => (
          <List.Item
            data-notice={notice.id}
            data-unread={notice.readAt ? undefined : 'true'}
            actions={[
              notice.caseId && casesOpenable ? (
                <Link key="case" to={`/portal/cases/${notice.caseId}`} onClick={() => void markRead(notice)}>
                  {t.inbox.openCase}
                </Link>
              ) : null,
              notice.readAt ? null : (
                <Button
                  key="read"
                  size="small"
                  onClick={() => {
                    void markRead(notice).then(notices.reload);
                  }}
                >
                  {t.inbox.markRead}
                </Button>
              ),
            ].filter(Boolean)}
          >
            <List.Item.Meta
              title={
                <Space>
                  {notice.readAt ? null : <Badge status="processing" text={t.inbox.unread} />}
                  <span>{notice.title}</span>
                </Space>
              }
              description={formatDateTime(notice.createdAt, t.locale)}
            />
          </List.Item>
        )}
      />
    </>
  );
}
