import type { OrganisationKind, UserRole } from '../entities';

export const DEMO_PASSWORD = 'demo-password-1';

export interface DemoOrganisation {
  kind: OrganisationKind;
  name: string;
  kvkNumber: string;
  postcode: string;
  city: string;
  users: { email: string; name: string; role: UserRole }[];
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
  },
  {
    kind: 'social_enterprise',
    name: 'Groen Werkt Kennemerland',
    kvkNumber: '90000102',
    postcode: '2071 CD',
    city: 'Santpoort-Noord',
    users: [{ email: 'hallo@groenwerkt.demo', name: 'Lotte Visser', role: 'social_enterprise' }],
  },
  {
    kind: 'social_enterprise',
    name: 'Catering De Koffiebrander',
    kvkNumber: '90000103',
    postcode: '2012 JK',
    city: 'Haarlem',
    users: [{ email: 'bestel@koffiebrander.demo', name: 'Youssef Bouzid', role: 'social_enterprise' }],
  },
  {
    kind: 'social_enterprise',
    name: 'Paswerk Kennemerland (demo)',
    kvkNumber: '90000104',
    postcode: '2031 BN',
    city: 'Haarlem',
    users: [{ email: 'verkoop@paswerk.demo', name: 'Ingrid Smit', role: 'social_enterprise' }],
  },
];
