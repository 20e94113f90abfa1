import { Inject, Injectable, Logger } from '@nestjs/common';
import { Role } from '@tsunagu/domain';
import { API_CONFIG, ApiConfig } from '../config/api-config';
import { keptMailReadableBy, newestKeptMails } from './kept-mail-folder';
import { KeptMailsModel } from './models/kept-mail.model';

/** The mails the local mail catcher kept (npm start, tests), from its folder; the api never writes there. */
@Injectable()
export class KeptMailService {
  private readonly log = new Logger('KeptMail');

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  readableBy(role: Role): boolean {
    return keptMailReadableBy(role, this.config.mailCatcherDir);
  }

  newest(first: number): Promise<KeptMailsModel> {
    return newestKeptMails(this.config.mailCatcherDir, first, (file, why) => this.log.warn(`api: ${file} left out of keptMails: ${why}`));
  }
}
