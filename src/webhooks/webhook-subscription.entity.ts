import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const WEBHOOK_EVENTS = ['case.submitted', 'case.status_changed', 'case.finished', 'certificate.issued', 'grant.created'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Another system (the provincial platform) that wants case events pushed to it. */
@Entity({ name: 'webhook_subscription' })
export class WebhookSubscription {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  url: string;

  @Column({ type: 'text', array: true })
  events: WebhookEvent[];

  /** Signs each delivery (X-Ywtb-Signature); never returned by the API. */
  @Column({ type: 'text', select: false })
  secret: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
