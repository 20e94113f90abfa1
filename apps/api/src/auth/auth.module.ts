import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle.service';
import { TokenService } from './token.service';

@Module({
  providers: [TokenService, LoginThrottle, AuthService, AuthResolver, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService],
})
export class AuthModule {}
