import { EMAIL_PREFERENCES, EmailPreference, PREFERRED_LANGUAGES, PreferredLanguage } from '@app/database';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

export class PreferencesDto {
  @ApiProperty({
    enum: PREFERRED_LANGUAGES,
    example: 'nl',
    description: 'Language of the web app, notifications, email and reports by default',
  })
  @IsIn(PREFERRED_LANGUAGES)
  language: PreferredLanguage;

  @ApiProperty({
    enum: EMAIL_PREFERENCES,
    example: 'immediately',
    description:
      'immediately: one mail per notification; daily: one digest a day (07:00 Dutch time); off: none',
  })
  @IsIn(EMAIL_PREFERENCES)
  email: EmailPreference;
}
