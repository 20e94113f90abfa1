import { Module } from '@nestjs/common';
import { DirectoryResolver, OrganizationFieldsResolver, UserFieldsResolver } from './directory.resolver';
import { DirectoryService } from './directory.service';

@Module({
  providers: [DirectoryService, DirectoryResolver, OrganizationFieldsResolver, UserFieldsResolver],
  exports: [DirectoryService],
})
export class DirectoryModule {}
