import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { renderNotice } from '@app/notify-core';
import { notFound } from '../../http/problem.js';
import { Keyset, type Page } from '../../http/pagination.js';
import { Notification } from '../notification.entity.js';
import type { InboxNoticeView, InboxQuery } from './inbox.dto.js';

/**
 * Newest first; by the millisecond, as the cursor carries a JS Date and the column the microseconds of now():
 * the rows of one transaction share them, and ordering by microseconds would let a page boundary skip some.
 */
const INBOX_PAGES = new Keyset('DESC', { createdAt: { sql: "date_trunc('milliseconds', n.createdAt)", type: 'timestamp' }, id: { sql: 'n.id', type: 'uuid' } });

const view = (row: Notification): InboxNoticeView => ({
  id: row.id,
  template: row.template,
  title: renderNotice(row.template, row.data).title,
  data: row.data,
  caseId: row.caseId,
  status: row.status,
  createdAt: row.createdAt.toISOString(),
  readAt: row.readAt?.toISOString() ?? null,
});

/** The in-app inbox: each user sees and marks only their own notices. */
@Injectable()
export class InboxService {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  async list(recipientId: string, query: InboxQuery): Promise<Page<InboxNoticeView>> {
    const limit = query.limit ?? 50;
    const before = INBOX_PAGES.decode(query.cursor);
    const builder = this.txHost.tx
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.recipientId = :recipientId', { recipientId })
      .andWhere("n.channel = 'in-app'")
      .orderBy(INBOX_PAGES.orderBy)
      .limit(limit + 1);
    if (query.unread) builder.andWhere('n.readAt IS NULL');
    if (before) builder.andWhere(...INBOX_PAGES.after(before));
    const rows = await builder.getMany();
    return INBOX_PAGES.page(rows, limit, view, (row) => ({ createdAt: row.createdAt.toISOString(), id: row.id }));
  }

  async unreadCount(recipientId: string): Promise<{ unread: number }> {
    const [row]: { unread: number }[] = await this.txHost.tx.query(
      `SELECT count(*)::int AS unread FROM notification WHERE recipient_id = $1 AND channel = 'in-app' AND read_at IS NULL`,
      [recipientId],
    );
    return { unread: row?.unread ?? 0 };
  }

  /** Marks one notice read; someone else's is as unknown as one that does not exist (404). */
  async markRead(recipientId: string, id: string): Promise<InboxNoticeView> {
    const repository = this.txHost.tx.getRepository(Notification);
    await repository
      .createQueryBuilder()
      .update()
      .set({ readAt: () => 'coalesce(read_at, now())' })
      .where("id = :id AND recipient_id = :recipientId AND channel = 'in-app'", { id, recipientId })
      .execute();
    const row = await repository.findOne({ where: { id, recipientId, channel: 'in-app' } });
    if (!row) throw notFound('notification.not_found', 'No such notification in your inbox.');
    return view(row);
  }
}
