import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { LocateTextFaults } from '../../common/input-sanitation/text-locators';
import { CSV_MAX_LENGTH, locateCell } from '../import/organization-rows';

@ArgsType()
export class ImportOrganizationsArgs {
  @Field({ description: 'The file as text: UTF-8 CSV as Excel saves it (BOM, CRLF and quoted fields are fine).' })
  @IsString()
  @MaxLength(CSV_MAX_LENGTH)
  @LocateTextFaults(locateCell)
  csv: string;
}
