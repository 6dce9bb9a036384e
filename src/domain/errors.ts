/**
 * Typed domain errors. Services throw these; the HTTP layer renders them once as
 * application/problem+json. Each carries a stable code and a message in French and English.
 */
export interface FieldError {
  field: string;
  message: string;
  code?: string;
}

export abstract class DomainError extends Error {
  abstract readonly kind: 'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'too_large' | 'rate_limited' | 'unavailable';
  constructor(
    readonly code: string,
    readonly messageFr: string,
    readonly messageEn: string,
    readonly fields: FieldError[] = [],
  ) {
    super(messageEn);
    this.name = new.target.name;
  }
}

export class Invalid extends DomainError {
  readonly kind = 'invalid';
}
export class Unauthenticated extends DomainError {
  readonly kind = 'unauthenticated';
}
export class Forbidden extends DomainError {
  readonly kind = 'forbidden';
}
export class NotFound extends DomainError {
  readonly kind = 'not_found';
}
export class Conflict extends DomainError {
  readonly kind = 'conflict';
}
export class TooLarge extends DomainError {
  readonly kind = 'too_large';
}
export class Unavailable extends DomainError {
  readonly kind = 'unavailable';
}
