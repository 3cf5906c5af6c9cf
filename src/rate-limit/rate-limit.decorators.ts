import { SetMetadata } from '@nestjs/common';

export const SIGN_IN_ATTEMPTS = Symbol('SIGN_IN_ATTEMPTS');

/** A sign-in route: limited to LOGIN_RATE_LIMIT_PER_MINUTE per client address, signed in or not. */
export const LimitAsSignIn = () => SetMetadata(SIGN_IN_ATTEMPTS, true);
