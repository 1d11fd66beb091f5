import { EnableExtensions1763800000000 } from './1763800000000-EnableExtensions';
import { CreateIdentity1795377404289 } from './1795377404289-CreateIdentity';
import { CreateDirectory1795377899053 } from './1795377899053-CreateDirectory';
import { AddDirectorySearchIndexes1795377899100 } from './1795377899100-AddDirectorySearchIndexes';
import { LoadReferenceData1795377899200 } from './1795377899200-LoadReferenceData';
import { CreateProcurement1795378592152 } from './1795378592152-CreateProcurement';
import { AddInvoiceUniqueness1795378592200 } from './1795378592200-AddInvoiceUniqueness';
import { AddOfferingHidden1795379550675 } from './1795379550675-AddOfferingHidden';
import { CreateBackgroundJob1795390000000 } from './1795390000000-CreateBackgroundJob';
import { CreateMatching1795400000000 } from './1795400000000-CreateMatching';
import { CreateMarketplace1795410000000 } from './1795410000000-CreateMarketplace';
import { CreateReports1795420000000 } from './1795420000000-CreateReports';
import { AddOcdsInterop1795430000000 } from './1795430000000-AddOcdsInterop';
import { CreateMeetingEvents1795440000000 } from './1795440000000-CreateMeetingEvents';
import { AddSearchOrderIndexes1795460000000 } from './1795460000000-AddSearchOrderIndexes';
import { AddSearchPageIndexes1795470000000 } from './1795470000000-AddSearchPageIndexes';
import { CreateMatchDelta1795471190000 } from './1795471190000-CreateMatchDelta';
import { AddSearchLexicon1795480000000 } from './1795480000000-AddSearchLexicon';
import { TrimNameTrigramStatistics1795480000100 } from './1795480000100-TrimNameTrigramStatistics';
import { AddMatchOfferingPoint1795490000000 } from './1795490000000-AddMatchOfferingPoint';
import { AddMatchCapKey1795490000100 } from './1795490000100-AddMatchCapKey';
import { MatchReasonsAsJson1795500000000 } from './1795500000000-MatchReasonsAsJson';
import { AddMatchOfferingFact1795510000000 } from './1795510000000-AddMatchOfferingFact';
import { LightenObligationMatchWrites1795510000100 } from './1795510000100-LightenObligationMatchWrites';
import { AddMeetingDayPublication1795520000000 } from './1795520000000-AddMeetingDayPublication';
import { AddMatchFailure1795531000000 } from './1795531000000-AddMatchFailure';
import { AddReportFormatXlsx1795600400000 } from './1795600400000-AddReportFormatXlsx';
import { NotificationsAndEmail1795610700000 } from './1795610700000-NotificationsAndEmail';
import { AddEformsImport1795620600000 } from './1795620600000-AddEformsImport';
import { CreateChallengesAndInitiatives1795620800000 } from './1795620800000-CreateChallengesAndInitiatives';
import { AddChallengeScoredAt1795620800100 } from './1795620800100-AddChallengeScoredAt';

/** Every migration, in order, listed explicitly. */
export const MIGRATIONS = [
  EnableExtensions1763800000000,
  CreateIdentity1795377404289,
  CreateDirectory1795377899053,
  AddDirectorySearchIndexes1795377899100,
  LoadReferenceData1795377899200,
  CreateProcurement1795378592152,
  AddInvoiceUniqueness1795378592200,
  AddOfferingHidden1795379550675,
  CreateBackgroundJob1795390000000,
  CreateMatching1795400000000,
  CreateMarketplace1795410000000,
  CreateReports1795420000000,
  AddOcdsInterop1795430000000,
  CreateMeetingEvents1795440000000,
  AddSearchOrderIndexes1795460000000,
  AddSearchPageIndexes1795470000000,
  CreateMatchDelta1795471190000,
  AddSearchLexicon1795480000000,
  TrimNameTrigramStatistics1795480000100,
  AddMatchOfferingPoint1795490000000,
  AddMatchCapKey1795490000100,
  MatchReasonsAsJson1795500000000,
  AddMatchOfferingFact1795510000000,
  LightenObligationMatchWrites1795510000100,
  AddMeetingDayPublication1795520000000,
  AddMatchFailure1795531000000,
  AddReportFormatXlsx1795600400000,
  NotificationsAndEmail1795610700000,
  AddEformsImport1795620600000,
  CreateChallengesAndInitiatives1795620800000,
  AddChallengeScoredAt1795620800100,
];
