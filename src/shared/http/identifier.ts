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

/** C0 controls but tab, line feed and carriage return; DEL; C1 controls (NUL included). */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Free text: a string up to `maxLength`, not blank, without control characters (tab and newlines allowed). */
export function IsText(maxLength: number, example: string) {
  return applyDecorators(
    ApiProperty({ example, maxLength }),
    IsString(),
    MaxLength(maxLength),
    Matches(/\S/, { message: '$property must not be blank' }),
    NoControlCharacters(),
  );
}

export function NoControlCharacters() {
  return Matches(new RegExp(`^[^${CONTROL_CHARACTERS.source.slice(1, -1)}]*$`, 's'), { message: '$property must not contain control characters (NUL, escape, ...)' });
}
