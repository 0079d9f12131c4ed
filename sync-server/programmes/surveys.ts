/**
 * Anonymous surveys of a programme (the competence self-assessment is one): members who opt in
 * send ratings from 1 to 5 by item; each member's latest answer counts. Coordinators see only the
 * aggregate, and only once at least MIN_ANSWERS members have answered, so no one can be singled
 * out. The server knows item keys and numbers, not what they mean.
 */
import type { Db } from '../db.ts';

export const MIN_ANSWERS = 5;

export type Ratings = Record<string, number>;

export interface ItemAggregate {
	/** How many answers rated this item. */
	count: number;
	mean: number;
	/** How many gave 1, 2, 3, 4 and 5. */
	distribution: [number, number, number, number, number];
}

export interface SurveyAggregate {
	answers: number;
	minimum: number;
	/** Null while fewer than `minimum` have answered. */
	items: Record<string, ItemAggregate> | null;
}

export class SurveyRepository {
	#db: Db;

	constructor(db: Db) {
		this.#db = db;
	}

	/** Stores (or replaces) a member's answer. */
	answer(programmeId: string, survey: string, userId: string, ratings: Ratings, at: number): void {
		this.#db
			.prepare(
				`INSERT INTO survey_answers (programme_id, survey, user_id, answered_at, ratings) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (programme_id, survey, user_id) DO UPDATE SET answered_at = excluded.answered_at, ratings = excluded.ratings`
			)
			.run(programmeId, survey, userId, at, JSON.stringify(ratings));
	}

	/** The member's own answer, or null. */
	mine(programmeId: string, survey: string, userId: string): { ratings: Ratings; answeredAt: number } | null {
		const row = this.#db
			.prepare<[string, string, string], { ratings: string; answered_at: number }>(
				'SELECT ratings, answered_at FROM survey_answers WHERE programme_id = ? AND survey = ? AND user_id = ?'
			)
			.get(programmeId, survey, userId);
		return row ? { ratings: JSON.parse(row.ratings) as Ratings, answeredAt: row.answered_at } : null;
	}

	/** Takes a member's answer back (opting out). Returns false if there was none. */
	withdraw(programmeId: string, survey: string, userId: string): boolean {
		const result = this.#db
			.prepare('DELETE FROM survey_answers WHERE programme_id = ? AND survey = ? AND user_id = ?')
			.run(programmeId, survey, userId);
		return result.changes > 0;
	}

	aggregate(programmeId: string, survey: string): SurveyAggregate {
		const rows = this.#db
			.prepare<[string, string], string>(
				'SELECT ratings FROM survey_answers WHERE programme_id = ? AND survey = ?'
			)
			.pluck()
			.all(programmeId, survey);
		if (rows.length < MIN_ANSWERS) return { answers: rows.length, minimum: MIN_ANSWERS, items: null };
		const items: Record<string, ItemAggregate> = {};
		for (const row of rows) {
			for (const [key, value] of Object.entries(JSON.parse(row) as Ratings)) {
				const item = (items[key] ??= { count: 0, mean: 0, distribution: [0, 0, 0, 0, 0] });
				item.count++;
				item.mean += value;
				item.distribution[value - 1]++;
			}
		}
		for (const item of Object.values(items)) item.mean = Math.round((item.mean / item.count) * 100) / 100;
		return { answers: rows.length, minimum: MIN_ANSWERS, items };
	}
}
