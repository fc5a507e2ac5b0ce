import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

/** Ids chosen by the back office: letters, digits, `-`, `_`, `.`; at most 64 characters. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

export function IsIdentifier(example = 'E-1001') {
  return applyDecorators(
    ApiProperty({ example, pattern: ID_PATTERN.source }),
    IsString(),
    Matches(ID_PATTERN, { message: '$property must be 1-64 letters, digits, "-", "_" or ".", starting with a letter or digit' }),
  );
}

export function IsText(maxLength: number, example: string) {
  return applyDecorators(ApiProperty({ example, maxLength }), IsString(), MaxLength(maxLength), Matches(/\S/, { message: '$property must not be blank' }));
}
