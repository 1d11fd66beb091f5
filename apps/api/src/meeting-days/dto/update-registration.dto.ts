import { CreateRegistrationDto } from './create-registration.dto';

/** The same fields, each optional: a field sent (null included) replaces the stored value, one left out is kept. */
export class UpdateRegistrationDto extends CreateRegistrationDto {}
