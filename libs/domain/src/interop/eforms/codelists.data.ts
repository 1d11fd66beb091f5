/**
 * Labels of the eForms code lists the import shows (reserved-procurement, social-objective, strategic-procurement),
 * in English and Dutch, copied from the eForms SDK translations (EU Publications Office, CC BY 4.0) as kept in
 * ../shared/data/eforms-codelists/social-procurement-codelists_en_nl.csv.
 */
export interface CodeLabel {
  en: string;
  nl: string;
}

export const EFORMS_CODELISTS: Record<
  'reserved-procurement' | 'social-objective' | 'strategic-procurement',
  Record<string, CodeLabel>
> = {
  'reserved-procurement': {
    none: {
      en: 'Participation is not reserved.',
      nl: 'Deelname is niet voorbehouden.',
    },
    'res-pub-ser': {
      en: 'Participation is reserved to organisations pursuing a public service mission and fulfilling other relevant conditions in the legislation.',
      nl: 'Deelname is voorbehouden aan organisaties die een openbaredienstverleningstaak vervullen en aan andere relevante voorwaarden in de wetgeving voldoen.',
    },
    'res-ws': {
      en: 'Participation is reserved to sheltered workshops and economic operators aiming at the social and professional integration of disabled or disadvantaged persons.',
      nl: 'Deelname is voorbehouden aan beschutte werkplaatsen en ondernemers die de maatschappelijke en professionele integratie van gehandicapten of kansarmen tot doel hebben.',
    },
  },
  'social-objective': {
    'acc-all': {
      en: 'Accessibility for all',
      nl: 'Toegankelijkheid voor iedereen',
    },
    'et-eq': {
      en: 'Ethnic equality',
      nl: 'Etnische gelijkheid',
    },
    'gen-eq': {
      en: 'Gender equality',
      nl: 'Gendergelijkheid',
    },
    'hum-right': {
      en: 'Human rights due diligence in global supply chains',
      nl: 'Zorgvuldigheid inzake de mensenrechten in wereldwijde toeleveringsketens',
    },
    opp: {
      en: 'Employment opportunities for the long-term unemployed, disadvantaged and/or for persons with disabilities',
      nl: 'Werkgelegenheidskansen voor langdurig werklozen, kansarmen en/of personen met een handicap',
    },
    other: {
      en: 'Other',
      nl: 'Andere',
    },
    'work-cond': {
      en: 'Fair working conditions',
      nl: 'Billijke arbeidsvoorwaarden',
    },
  },
  'strategic-procurement': {
    'env-imp': {
      en: 'Reduction of environmental impacts',
      nl: 'Vermindering van milieueffecten',
    },
    'inn-pur': {
      en: 'Innovative purchase',
      nl: 'Innovatieve aankoop',
    },
    none: {
      en: 'No strategic procurement',
      nl: 'Geen strategische aanbesteding',
    },
    'soc-obj': {
      en: 'Fulfilment of social objectives',
      nl: 'Verwezenlijking van sociale doelstellingen',
    },
  },
};
