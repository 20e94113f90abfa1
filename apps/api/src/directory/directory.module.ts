import { Module } from '@nestjs/common';
import { DirectoryResolver, OrganizationFieldsResolver, UserFieldsResolver } from './directory.resolver';
import { DirectoryService } from './directory.service';
import { OrganizationImportService } from './import/organization-import.service';
import { OrganizationsResolver } from './organizations.resolver';
import { OrganizationsService } from './organizations.service';
import { RoutingRulesResolver } from './routing-rules.resolver';
import { RoutingRulesService } from './routing-rules.service';

@Module({
  providers: [
    DirectoryService,
    DirectoryResolver,
    OrganizationFieldsResolver,
    UserFieldsResolver,
    OrganizationsService,
    OrganizationImportService,
    OrganizationsResolver,
    RoutingRulesService,
    RoutingRulesResolver,
  ],
  exports: [DirectoryService],
})
export class DirectoryModule {}
