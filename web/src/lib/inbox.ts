import { useEffect, useState } from 'react';
import { api } from './api';
import { useLocation } from './router';
import { useSession } from './session';

export interface InboxNotice {
  id: string;
  template: string;
  title: string;
  data: Record<string, unknown>;
  caseId: string | null;
  createdAt: string;
  readAt: string | null;
}

const CHANGED = 'ywtb:inbox-changed';

/** Tells the bell that the inbox changed (a notice was read). */
export function inboxChanged(): void {
  window.dispatchEvent(new Event(CHANGED));
}

/** The unread count of the signed-in user: on each page change, every 30 s, and when the inbox changes. */
export function useUnreadCount(): number | null {
  const session = useSession();
  const { pathname } = useLocation();
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    if (!session) {
      setCount(null);
      return;
    }
    let live = true;
    const load = () =>
      api.get<{ unread: number }>('/api/my/notifications/unread-count').then(
        (answer) => live && setCount(answer.unread),
        () => undefined,
      );
    void load();
    const timer = window.setInterval(() => void load(), 30_000);
    window.addEventListener(CHANGED, load);
    return () => {
      live = false;
      window.clearInterval(timer);
      window.removeEventListener(CHANGED, load);
    };
  }, [session, pathname]);
  return count;
}
