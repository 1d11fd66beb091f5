import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from './user.entity';

export const PREFERRED_LANGUAGES = ['nl', 'en'] as const;
export type PreferredLanguage = (typeof PREFERRED_LANGUAGES)[number];
export const EMAIL_PREFERENCES = ['immediately', 'daily', 'off'] as const;
export type EmailPreference = (typeof EMAIL_PREFERENCES)[number];

/** A user's language and email preference; a user without a row has the defaults (`nl`, `immediately`). */
@Entity('user_preference')
@Check('ck_user_preference_language', `"language" IN ('nl', 'en')`)
@Check('ck_user_preference_email', `"email" IN ('immediately', 'daily', 'off')`)
export class UserPreferenceEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_user_preference' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_user_preference_user' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 2, default: 'nl' })
  language: PreferredLanguage;

  @Column({ type: 'varchar', length: 12, default: 'immediately' })
  email: EmailPreference;

  /** Up to when the last daily digest covered this user's notifications. */
  @Column({ type: 'timestamptz', nullable: true })
  digestUntil: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
