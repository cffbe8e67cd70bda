import { TODAY, addDays, daysBetween, timestampAt } from './clock.js';
import type { Activity, Comment, Person, Project, Task, TaskPriority, TaskStatus, TrackerData } from './model.js';
import { createRandom, type Random } from '../kit/random.js';
import { COMMENT_BODIES, EMAIL_DOMAIN, LABELS, PERSON_NAMES, PROJECT_COLORS, ROLES } from './vocabulary-people.js';
import { DESCRIPTION_SENTENCES, GENERAL_TASK_TITLES, PROJECT_TEMPLATES, TASK_TITLES, type WorkCategory } from './vocabulary-work.js';

const MINUTES_PER_DAY = 1440;
/** Minutes between NOW_BASE (09:30) and midnight starting today. */
const MINUTES_SINCE_MIDNIGHT = 9 * 60 + 30;

/** The signed-in user is always person 1. */
export const CURRENT_USER_ID = 1;

/** Deterministic workspace data: the same seed always gives byte-identical records. */
export function generateData(seed: number): TrackerData {
  const random = createRandom(seed);
  const people = generatePeople(random);
  const projects = generateProjects(random, people);
  const tasks = generateTasks(random, projects, people);
  const comments = generateComments(random, tasks, people);
  const activity = generateActivity(tasks, comments);
  return { people, projects, tasks, comments, activity };
}

function generatePeople(random: Random): Person[] {
  const count = random.int(7, 9);
  const names = random.shuffle(PERSON_NAMES).slice(0, count);
  const roles = random.shuffle(ROLES);
  return names.map(([first, last], index) => ({
    id: index + 1,
    name: `${first} ${last}`,
    initials: `${first[0]}${last[0]}`,
    email: `${first.toLowerCase()}.${last.toLowerCase()}@${EMAIL_DOMAIN}`,
    role: roles[index % roles.length]!,
  }));
}

function generateProjects(random: Random, people: Person[]): Project[] {
  const count = random.int(5, 6);
  const colors = random.shuffle(PROJECT_COLORS);
  return random
    .shuffle(PROJECT_TEMPLATES)
    .slice(0, count)
    .map((template, index) => ({
      id: index + 1,
      name: template.name,
      key: template.key,
      description: template.description,
      leadId: random.pick(people).id,
      color: colors[index % colors.length]!,
      createdAt: dayStamp(random, addDays(TODAY, -random.int(75, 200))),
    }));
}

const STATUS_WEIGHTS: ReadonlyArray<readonly [TaskStatus, number]> = [
  ['todo', 35],
  ['in_progress', 25],
  ['in_review', 14],
  ['done', 26],
];

const PRIORITY_WEIGHTS: ReadonlyArray<readonly [TaskPriority, number]> = [
  ['low', 20],
  ['medium', 40],
  ['high', 28],
  ['urgent', 12],
];

function generateTasks(random: Random, projects: Project[], people: Person[]): Task[] {
  const pools = new Map<WorkCategory, string[]>(
    (Object.keys(TASK_TITLES) as WorkCategory[]).map((category) => [category, random.shuffle(TASK_TITLES[category])]),
  );
  const general = random.shuffle(GENERAL_TASK_TITLES);
  const drawTitle = (category: WorkCategory): string => pools.get(category)!.pop() ?? general.pop()!;
  const assignees: Array<readonly [number | null, number]> = [
    [null, 1.2],
    ...people.map((person) => [person.id, person.id === CURRENT_USER_ID ? 2.6 : 1] as const),
  ];

  const tasks: Task[] = [];
  projects.forEach((project, index) => {
    const category = PROJECT_TEMPLATES.find((template) => template.key === project.key)!.category;
    // The first project always has more than one page (15 rows) of tasks.
    const count = index === 0 ? random.int(17, 21) : random.int(4, 8);
    const createdDaysAgo = Array.from({ length: count }, () => random.int(3, 60)).sort((a, b) => b - a);
    for (let number = 1; number <= count; number++) {
      const status = random.weighted(STATUS_WEIGHTS);
      const dueOffset = status === 'done' ? random.int(-40, 10) : random.int(-14, 40);
      const createdDay = addDays(TODAY, -createdDaysAgo[number - 1]!);
      const sentences = random.shuffle(DESCRIPTION_SENTENCES).slice(0, random.int(1, 3));
      const labels = random.shuffle(LABELS).slice(
        0,
        random.weighted([
          [0, 3],
          [1, 4],
          [2, 2],
        ] as const),
      );
      const createdAt = dayStamp(random, createdDay);
      tasks.push({
        id: tasks.length + 1,
        projectId: project.id,
        number,
        title: drawTitle(category),
        description: sentences.join(' '),
        status,
        priority: random.weighted(PRIORITY_WEIGHTS),
        assigneeId: random.weighted(assignees),
        reporterId: random.pick(people).id,
        dueDate: random.chance(0.06) ? null : addDays(TODAY, dueOffset),
        labels: labels.sort(),
        archived: false,
        createdAt,
        updatedAt: createdAt,
      });
    }
  });
  return tasks;
}

function generateComments(random: Random, tasks: Task[], people: Person[]): Comment[] {
  const count = random.int(26, 34);
  const weightedTasks = tasks.map((task) => [task, task.status === 'todo' ? 1 : 2.5] as const);
  const bodies = random.shuffle(COMMENT_BODIES);
  const drafts: Array<Omit<Comment, 'id'>> = [];
  for (let index = 0; index < count; index++) {
    const task = random.weighted(weightedTasks);
    const createdMinutes = minutesFromBase(task.createdAt);
    const day = addDays(TODAY, -random.int(0, Math.max(0, daysBetween(task.createdAt.slice(0, 10), TODAY))));
    const at = timestampAt(Math.max(minutesFromBase(dayStamp(random, day)), Math.min(createdMinutes + 45, -30)));
    drafts.push({
      taskId: task.id,
      authorId: random.pick(people).id,
      body: bodies[index % bodies.length]!,
      createdAt: at,
    });
    if (at > task.updatedAt) task.updatedAt = at;
  }
  drafts.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.taskId - b.taskId));
  return drafts.map((draft, index) => ({ id: index + 1, ...draft }));
}

function generateActivity(tasks: Task[], comments: Comment[]): Activity[] {
  const entries: Array<Omit<Activity, 'id'>> = [];
  for (const task of tasks) {
    entries.push({ at: task.createdAt, actorId: task.reporterId, verb: 'created', taskId: task.id, subject: task.title, detail: '' });
    if (task.status === 'done' || task.status === 'in_review') {
      entries.push({
        at: task.updatedAt,
        actorId: task.assigneeId ?? task.reporterId,
        verb: task.status === 'done' ? 'completed' : 'moved',
        taskId: task.id,
        subject: task.title,
        detail: task.status === 'done' ? '' : ' to In review',
      });
    }
  }
  for (const comment of comments) {
    const task = tasks.find((candidate) => candidate.id === comment.taskId)!;
    entries.push({
      at: comment.createdAt,
      actorId: comment.authorId,
      verb: 'commented on',
      taskId: task.id,
      subject: task.title,
      detail: '',
    });
  }
  entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : (a.taskId ?? 0) - (b.taskId ?? 0)));
  return entries.map((entry, index) => ({ id: index + 1, ...entry }));
}

/** A working-hours timestamp on `isoDate`, never later than 09:00 today. */
function dayStamp(random: Random, isoDate: string): string {
  const dayOffset = daysBetween(TODAY, isoDate);
  const minuteOfDay = random.int(8 * 60, 18 * 60);
  const minutes = dayOffset * MINUTES_PER_DAY - MINUTES_SINCE_MIDNIGHT + minuteOfDay;
  return timestampAt(Math.min(minutes, -30));
}

function minutesFromBase(isoTimestamp: string): number {
  return Math.round((new Date(isoTimestamp).getTime() - new Date(timestampAt(0)).getTime()) / 60_000);
}
