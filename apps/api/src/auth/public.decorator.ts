import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'tsunagu:public';

/** Marks an operation that needs no sign-in (login itself). Everything else does. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
