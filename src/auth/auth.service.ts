import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { User } from '../users/user.entity.js';
import { DUMMY_HASH_PROMISE, verifyPassword } from './password.js';
import type { LoginResponse } from './login.dto.js';

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
  ) {}

  async login(username: string, password: string): Promise<LoginResponse> {
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.username = :username', { username })
      .getOne();
    // Hash even when the user is unknown, so the answer's timing does not reveal which usernames exist.
    const valid = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_HASH_PROMISE));
    if (!user || !valid || user.disabled) throw new UnauthorizedException('Wrong username or password.');
    const accessToken = await this.jwt.signAsync({ sub: user.id, roles: user.roles });
    return {
      accessToken,
      user: { id: user.id, username: user.username, roles: user.roles, departmentCode: user.departmentCode, displayName: user.displayName },
    };
  }
}
