import type { OrganisationKind, UserRole } from '@app/database';

export const DEMO_PASSWORD = 'demo-password-1';

export interface DemoOffering {
  title: string;
  description: string;
  cpvCodes: string[];
  priceIndicationCents?: number;
  unit?: string;
  labourShare?: number;
  deliveryRadiusKm?: number;
}

export interface DemoOrganisation {
  kind: OrganisationKind;
  name: string;
  kvkNumber: string;
  postcode: string;
  city: string;
  users: { email: string; name: string; role: UserRole }[];
  profile?: {
    mission: string;
    targetGroups: string[];
    fteTotal: number;
    fteTargetGroup: number;
    website?: string;
  };
  certifications?: {
    type: string;
    level?: string;
    validFrom: string;
    validUntil?: string;
    verified: boolean;
  }[];
  offerings?: DemoOffering[];
}

/** Demo organisations: fictitious companies and people at real Haarlem-area postcodes. */
export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  {
    kind: 'buyer',
    name: 'Gemeente Haarlem',
    kvkNumber: '34369853',
    postcode: '2011 RD',
    city: 'Haarlem',
    users: [{ email: 'inkoop@haarlem.demo', name: 'Sanne Bakker', role: 'procurement_officer' }],
  },
  {
    kind: 'contractor',
    name: 'Spaarne Bouw B.V.',
    kvkNumber: '90000001',
    postcode: '2031 AA',
    city: 'Haarlem',
    users: [{ email: 'sroi@spaarnebouw.demo', name: 'Mark Jansen', role: 'contractor' }],
  },
  {
    kind: 'contractor',
    name: 'Kennemer Facilitair B.V.',
    kvkNumber: '90000002',
    postcode: '2023 BC',
    city: 'Haarlem',
    users: [{ email: 'inkoop@kennemerfacilitair.demo', name: 'Fatima el Amrani', role: 'contractor' }],
  },
  {
    kind: 'social_enterprise',
    name: 'Schoon Haarlem Sociaal',
    kvkNumber: '90000101',
    postcode: '2032 HA',
    city: 'Haarlem',
    users: [{ email: 'info@schoonhaarlem.demo', name: 'Kees de Boer', role: 'social_enterprise' }],
    profile: {
      mission: 'Schoonmaak met vakmensen die via de Participatiewet bij ons aan het werk zijn.',
      targetGroups: ['participatiewet', 'banenafspraak'],
      fteTotal: 42,
      fteTargetGroup: 31,
      website: 'https://schoonhaarlem.example',
    },
    certifications: [
      { type: 'pso', level: 'trede_3', validFrom: '2024-01-01', validUntil: '2027-12-31', verified: true },
    ],
    offerings: [
      {
        title: 'Schoonmaakdiensten voor kantoren en scholen',
        description:
          'Dagelijkse en periodieke schoonmaak, glasbewassing en vloeronderhoud in Haarlem en omstreken.',
        cpvCodes: ['90910000', '90911300'],
        priceIndicationCents: 3450,
        unit: 'uur',
        labourShare: 0.85,
        deliveryRadiusKm: 25,
      },
    ],
  },
  {
    kind: 'social_enterprise',
    name: 'Groen Werkt Kennemerland',
    kvkNumber: '90000102',
    postcode: '2071 CD',
    city: 'Santpoort-Noord',
    users: [{ email: 'hallo@groenwerkt.demo', name: 'Lotte Visser', role: 'social_enterprise' }],
    profile: {
      mission: 'Groenonderhoud als leerwerkplek voor jongeren en statushouders.',
      targetGroups: ['bbl', 'nugger', 'wajong'],
      fteTotal: 18,
      fteTargetGroup: 11,
    },
    certifications: [
      {
        type: 'code_sociale_ondernemingen',
        validFrom: '2025-03-01',
        validUntil: '2027-02-28',
        verified: true,
      },
    ],
    offerings: [
      {
        title: 'Groenonderhoud openbare ruimte',
        description: 'Maaien, snoeien en onkruidbeheer van parken, plantsoenen en schoolpleinen.',
        cpvCodes: ['77310000'],
        priceIndicationCents: 4200,
        unit: 'uur',
        labourShare: 0.9,
        deliveryRadiusKm: 30,
      },
    ],
  },
  {
    kind: 'social_enterprise',
    name: 'Catering De Koffiebrander',
    kvkNumber: '90000103',
    postcode: '2012 JK',
    city: 'Haarlem',
    users: [{ email: 'bestel@koffiebrander.demo', name: 'Youssef Bouzid', role: 'social_enterprise' }],
    profile: {
      mission: 'Café en catering waar mensen met een arbeidsbeperking het vak leren.',
      targetGroups: ['banenafspraak', 'pro_vso'],
      fteTotal: 12,
      fteTargetGroup: 8,
    },
    certifications: [
      { type: 'pso_30plus', validFrom: '2023-06-01', validUntil: '2026-05-31', verified: true },
    ],
    offerings: [
      {
        title: 'Catering voor vergaderingen en evenementen',
        description: 'Lunches, koffie en borrels met lokale producten; ook grote evenementen.',
        cpvCodes: ['55520000'],
        priceIndicationCents: 1250,
        unit: 'persoon',
        labourShare: 0.55,
        deliveryRadiusKm: 20,
      },
    ],
  },
  {
    kind: 'social_enterprise',
    name: 'Paswerk Kennemerland (demo)',
    kvkNumber: '90000104',
    postcode: '2031 BN',
    city: 'Haarlem',
    users: [{ email: 'verkoop@paswerk.demo', name: 'Ingrid Smit', role: 'social_enterprise' }],
    profile: {
      mission:
        'Sociaal werkbedrijf: inpakwerk, montage en drukwerk met mensen met afstand tot de arbeidsmarkt.',
      targetGroups: ['participatiewet', 'wia_wao', 'wajong'],
      fteTotal: 310,
      fteTargetGroup: 240,
    },
    certifications: [{ type: 'sw_company', validFrom: '2020-01-01', verified: true }],
    offerings: [
      {
        title: 'Inpakwerk en assemblage',
        description: 'Verpakken, sorteren en monteren van producten in onze werkplaats in Haarlem.',
        cpvCodes: ['79342000', '44000000'],
        priceIndicationCents: 2800,
        unit: 'uur',
        labourShare: 0.8,
      },
      {
        title: 'Drukwerk en afwerking',
        description: 'Drukwerk, printen, vouwen en verzenden van mailings.',
        cpvCodes: ['79810000'],
        labourShare: 0.5,
      },
    ],
  },
];
