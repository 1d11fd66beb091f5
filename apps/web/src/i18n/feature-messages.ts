import { challengesMessages } from '../features/challenges/messages';
import { directoryMessages } from '../features/directory/messages';
import { initiativesMessages } from '../features/initiatives/messages';
import { interopMessages } from '../features/interop/messages';
import { marketplaceMessages } from '../features/marketplace/messages';
import { matchingMessages } from '../features/matching/messages';
import { meetingDaysMessages } from '../features/meeting-days/messages';
import { notificationsMessages } from '../features/notifications/messages';
import { obligationsMessages } from '../features/obligations/messages';
import { policiesMessages } from '../features/policies/messages';
import { reportsMessages } from '../features/reports/messages';
import { tendersMessages } from '../features/tenders/messages';
import type { Locale } from './format';

/*
 * The signed-in screens' words, every feature's in both languages, merged in one chunk: App.tsx fetches it with
 * the first signed-in screen (LocaleProvider's loadFeatureMessages), so the public pages do not download it.
 */
const features = [
  challengesMessages,
  directoryMessages,
  initiativesMessages,
  interopMessages,
  marketplaceMessages,
  matchingMessages,
  meetingDaysMessages,
  notificationsMessages,
  obligationsMessages,
  policiesMessages,
  reportsMessages,
  tendersMessages,
] as const;

type KeysOf<F> = F extends { nl: infer N } ? keyof N : never;
export type FeatureMessageId = KeysOf<(typeof features)[number]>;

export const featureMessages = Object.fromEntries(
  (['nl', 'en'] as const).map((l) => [l, Object.assign({}, ...features.map((f) => f[l]))]),
) as Record<Locale, Record<FeatureMessageId, string>>;
