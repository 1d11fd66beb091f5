import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * An address that answered with a permanent failure (5xx) or bounced: no more mail goes to it. A user who changes
 * their email gets mail again (the new address is not here).
 */
@Entity('email_suppression')
export class EmailSuppressionEntity {
  @PrimaryColumn({ type: 'varchar', length: 254, primaryKeyConstraintName: 'pk_email_suppression' })
  address: string;

  @Column({ type: 'varchar', length: 20 })
  reason: 'rejected' | 'bounced';

  @Column({ type: 'text' })
  detail: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
