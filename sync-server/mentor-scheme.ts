/**
 * The door to the mentor scheme's model (like protocol.ts for the wire protocol): the schemas that
 * parse registrations, the registration period and the meetings a pair reports, and the pair's
 * room name. The server stores what they parse and never looks further into a pair's documents.
 * The lint rule that keeps the server domain-blind allows these two imports in this file only.
 */
export {
	RegistrationDetailsSchema,
	RegistrationPeriodSchema,
	SIDES,
	isOpenOn,
	type RegistrationDetails,
	type RegistrationPeriod,
	type RegistrationWindow,
	type Side
} from '../src/lib/domain/mentor-registration.ts';
export {
	MeetingsReportSchema,
	pairRoom,
	type CoordinatorPair,
	type MeetingDate,
	type MeetingsReport,
	type Pair
} from '../src/lib/domain/pair.ts';
