import { DirectoryModule } from '@app/domain';
import { Module } from '@nestjs/common';
import { CertificationsController } from './certifications.controller';
import { CpvController } from './cpv.controller';
import { OfferingsController } from './offerings.controller';
import { OrganisationCertificationsController } from './organisation-certifications.controller';
import { SocialEnterpriseImportsController } from './social-enterprise-imports.controller';
import { SocialEnterprisesController } from './social-enterprises.controller';

/** Directory: social enterprises, profiles, certifications, offerings, CPV codes and the CSV import. */
@Module({
  imports: [DirectoryModule],
  controllers: [
    CpvController,
    SocialEnterprisesController,
    OrganisationCertificationsController,
    CertificationsController,
    OfferingsController,
    SocialEnterpriseImportsController,
  ],
})
export class DirectoryApiModule {}
