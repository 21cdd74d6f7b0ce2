/**
 * The signed-in user's workspaces (GET /workspaces shape, with myRole) and the
 * number of their pending invitations, observable so the switcher, the side
 * navigation and the pages stay in step after a create, rename, leave, accept…
 *
 * The role matrix here mirrors docs/permissions.md only to HIDE what a role
 * cannot do; the server still decides every request.
 */
import * as api from './api.js';

const LAST_KEY = 'moim.workspace';

let list = null; // null until loaded
let pendingInvitations = 0;
const subscribers = new Set();

function notify() {
  subscribers.forEach((fn) => fn(state()));
}

function state() {
  return { workspaces: list ?? [], loaded: list != null, pendingInvitations };
}

/** Calls fn now and on every change; returns an unsubscribe function. */
export function subscribeWorkspaces(fn) {
  subscribers.add(fn);
  fn(state());
  return () => subscribers.delete(fn);
}

/** Loads every workspace of mine (all pages) and the pending invitation count. */
export async function loadWorkspaces() {
  const [items, invitations] = await Promise.all([
    api.allPages((cursor) => api.listWorkspaces({ cursor })),
    api.myInvitations().catch(() => []),
  ]);
  list = items;
  pendingInvitations = Array.isArray(invitations) ? invitations.length : 0;
  notify();
  return list;
}

export function workspaces() {
  return list ?? [];
}

export function workspaceById(id) {
  return (list ?? []).find((w) => w.id === id) ?? null;
}

/** Adds or replaces one workspace (e.g. after PATCH, accept or redeem); newest first. */
export function upsertWorkspace(view) {
  if (!view?.id) return;
  const rest = (list ?? []).filter((w) => w.id !== view.id);
  const existing = (list ?? []).find((w) => w.id === view.id);
  list = existing ? (list ?? []).map((w) => (w.id === view.id ? view : w)) : [view, ...rest];
  notify();
}

export function forgetWorkspace(id) {
  list = (list ?? []).filter((w) => w.id !== id);
  if (lastWorkspaceId() === id) rememberWorkspace(null);
  notify();
}

export function setPendingInvitations(count) {
  pendingInvitations = Math.max(0, count);
  notify();
}

export function clearWorkspaces() {
  list = null;
  pendingInvitations = 0;
}

/** The workspace this device opened last (so "/" can go back to it). */
export function lastWorkspaceId() {
  try {
    return localStorage.getItem(LAST_KEY);
  } catch {
    return null;
  }
}

export function rememberWorkspace(id) {
  try {
    if (id) localStorage.setItem(LAST_KEY, id);
    else localStorage.removeItem(LAST_KEY);
  } catch {
    /* storage unavailable */
  }
}

// ---------------------------------------------------------------------------
// What a role may do (docs/permissions.md); only used to hide controls.

const ALL = ['OWNER', 'MANAGER', 'MEMBER', 'GUEST'];
const STAFF = ['OWNER', 'MANAGER'];
const MATRIX = {
  VIEW_WORKSPACE: ALL,
  UPDATE_WORKSPACE: STAFF,
  DELETE_WORKSPACE: ['OWNER'],
  RESTORE_WORKSPACE: ['OWNER'],
  TRANSFER_OWNERSHIP: ['OWNER'],
  LIST_MEMBERS: ['OWNER', 'MANAGER', 'MEMBER'],
  CHANGE_MEMBER_ROLE: STAFF,
  REMOVE_MEMBER: STAFF,
  MANAGE_OWNERS: ['OWNER'],
  MANAGE_BOTS: STAFF,
  // Slash commands (docs/permissions.md#slash-commands, CommandAction).
  LIST_COMMANDS: ALL,
  CREATE_COMMAND: STAFF,
  DELETE_COMMAND: STAFF,
  // The keyword bot (docs/permissions.md#keyword-bot, KeywordBotAction).
  MANAGE_KEYWORD_BOT: STAFF,
  LEAVE_WORKSPACE: ALL,
  INVITE_BY_EMAIL: STAFF,
  LIST_INVITATIONS: STAFF,
  REVOKE_INVITATION: STAFF,
  CREATE_INVITE_LINK: STAFF,
  LIST_INVITE_LINKS: STAFF,
  REVOKE_INVITE_LINK: STAFF,
  // Plans and billing (docs/permissions.md#plans-and-billing, BillingAction).
  VIEW_PLAN: ['OWNER', 'MANAGER', 'MEMBER'],
  MANAGE_BILLING: ['OWNER'],
  // Files (docs/permissions.md#files, FileAction).
  UPLOAD_FILES: ALL,
  VIEW_STORAGE_USAGE: ['OWNER', 'MANAGER', 'MEMBER'],
  MANAGE_OTHERS_FILES: STAFF,
  // Chat (docs/permissions.md#chat, ChatAction).
  START_DIRECT: ['OWNER', 'MANAGER', 'MEMBER'],
};

/** True when the role is allowed the workspace action. */
export function can(role, action) {
  return (MATRIX[action] ?? []).includes(role);
}

export const ROLES = ['OWNER', 'MANAGER', 'MEMBER', 'GUEST'];
/** Roles an invitation or invite link may carry (never OWNER). */
export const INVITABLE_ROLES = ['MANAGER', 'MEMBER', 'GUEST'];

// What a role may do with boards (docs/permissions.md#boards, BoardAction). Inside a board the
// server says it itself (BoardDetail.myActions); this is for the board list.
const BOARD_MATRIX = {
  LIST_BOARDS: ALL,
  CREATE_BOARD: ['OWNER', 'MANAGER', 'MEMBER'],
};

export function canBoards(role, action) {
  return (BOARD_MATRIX[action] ?? []).includes(role);
}
