/**
 * Our statuses in FHIR R4's words. Each table is the one place a mapping is decided; the
 * reasons are in docs/fhir.md. No status of ours is ever blamed on the person: "changed my
 * mind" is a choice, so it maps to a cancelled goal or step with that reason, never to
 * "not achieved".
 */
import type { GoalStatus, StepStatus } from '../board/index.js';

/** Goal.lifecycleStatus (required binding: goal-status). */
export const GOAL_LIFECYCLE: Record<GoalStatus, 'planned' | 'active' | 'completed' | 'cancelled'> = {
	not_started: 'planned',
	working_on_it: 'active',
	achieved: 'completed',
	changed_my_mind: 'cancelled'
};

/** Goal.achievementStatus (goal-achievement); none for a goal not started or let go. */
export const GOAL_ACHIEVEMENT: Record<GoalStatus, { code: 'in-progress' | 'achieved'; display: string } | null> = {
	not_started: null,
	working_on_it: { code: 'in-progress', display: 'In Progress' },
	achieved: { code: 'achieved', display: 'Achieved' },
	changed_my_mind: null
};

export const GOAL_ACHIEVEMENT_SYSTEM = 'http://terminology.hl7.org/CodeSystem/goal-achievement';

/** CarePlan.activity.detail.status (required binding: care-plan-activity-status). */
export const STEP_STATUS: Record<StepStatus, 'not-started' | 'in-progress' | 'completed' | 'cancelled'> = {
	not_started: 'not-started',
	doing: 'in-progress',
	done: 'completed',
	changed_my_mind: 'cancelled'
};

/** Said as the reason wherever a goal or step was let go. */
export const CHANGED_MY_MIND = 'Changed my mind';
