import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('KeptMail', { description: 'A mail the local mail catcher received instead of delivering it (development, tests).' })
export class KeptMailModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'When the catcher received it.' })
  receivedAt: Date;

  @Field(() => String, { nullable: true, description: 'The From header’s address.' })
  from: string | null;

  @Field(() => [String], { description: 'The To header’s addresses.' })
  to: string[];

  @Field(() => [String], { description: 'Who it was delivered to (RCPT TO, Bcc included).' })
  recipients: string[];

  @Field()
  subject: string;

  @Field(() => String, { nullable: true })
  messageId: string | null;

  @Field(() => String, { nullable: true, description: 'The plain-text part.' })
  text: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The HTML part as sent. A client shows it without running it (the console shows its source as text).',
  })
  html: string | null;
}

@ObjectType('KeptMails')
export class KeptMailsModel {
  @Field({
    description:
      'Whether this api reads the local mail catcher’s folder (MAIL_CATCHER_DIR). false: mail goes to a real SMTP server and none is kept here.',
  })
  catcherEnabled: boolean;

  @Field(() => Int, { description: 'Mails kept in the folder.' })
  totalCount: number;

  @Field(() => [KeptMailModel], { description: 'The newest first.' })
  mails: KeptMailModel[];
}
