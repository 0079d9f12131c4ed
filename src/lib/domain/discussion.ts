/**
 * Lectures as the participant reads them: grouped by module, with how many of their discussion
 * questions I have commented on, and the "comments" requirements a lecture's comments count toward.
 */
import type { Comment, Lecture, Module, Requirement } from './programme';

export interface LectureGroup {
	/** Null for the lectures that belong to no (known) module. */
	module: Module | null;
	lectures: Lecture[];
}

const byTitle = new Intl.Collator('nb', { numeric: true }).compare;

/** Lectures by title, numbers in order ("Forelesning 2" before "Forelesning 10"). */
export function sortLectures<L extends Pick<Lecture, 'title'>>(lectures: readonly L[]): L[] {
	return [...lectures].sort((a, b) => byTitle(a.title, b.title));
}

/** One group per module that has lectures, in module order; lectures without a module last. */
export function lecturesByModule(modules: readonly Module[], lectures: readonly Lecture[]): LectureGroup[] {
	const known = new Set(modules.map((m) => m.id));
	const groups: LectureGroup[] = modules.map((module) => ({
		module,
		lectures: sortLectures(lectures.filter((l) => l.moduleId === module.id))
	}));
	groups.push({ module: null, lectures: sortLectures(lectures.filter((l) => !known.has(l.moduleId))) });
	return groups.filter((g) => g.lectures.length > 0);
}

/** How many of the lecture's questions have at least one comment by this author. */
export function questionsCommented(
	lecture: Pick<Lecture, 'id' | 'questions'>,
	comments: readonly Pick<Comment, 'lectureId' | 'questionId' | 'authorId'>[],
	authorId: string | null
): number {
	if (!authorId) return 0;
	const mine = new Set(
		comments.filter((c) => c.authorId === authorId && c.lectureId === lecture.id).map((c) => c.questionId)
	);
	return lecture.questions.filter((q) => mine.has(q.id)).length;
}

/** The "comments" requirements that comments on this lecture count toward. */
export function commentRequirementsFor<R extends Pick<Requirement, 'kind' | 'moduleId'>>(
	requirements: readonly R[],
	lecture: Pick<Lecture, 'moduleId'>
): R[] {
	return requirements.filter(
		(r) => r.kind === 'comments' && (!r.moduleId || r.moduleId === lecture.moduleId)
	);
}

/** The comments on one question of one lecture (question ids are unique within a lecture). */
export function commentsOnQuestion<C extends Pick<Comment, 'lectureId' | 'questionId'>>(
	comments: readonly C[],
	lectureId: string,
	questionId: string
): C[] {
	return comments.filter((c) => c.lectureId === lectureId && c.questionId === questionId);
}
