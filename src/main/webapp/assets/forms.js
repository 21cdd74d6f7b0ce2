/**
 * Form building blocks: labelled fields with hint/error slots, client-side
 * validators, problem+json → localized message mapping, and a FormController
 * that handles busy state, error display and rate-limit countdowns.
 */
import { ApiError } from './api.js';
import { bind, render, t, tx, formatWait } from './i18n.js';
import { h, setBusy } from './dom.js';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

// ---------------------------------------------------------------------------
// Error messages

/** Problem type slug → dictionary key. */
const PROBLEM_KEYS = {
  validation: 'error.validation',
  'email-taken': 'error.emailTaken',
  'invalid-credentials': 'error.invalidCredentials',
  unauthorized: 'error.sessionEnded',
  'weak-password': 'error.weakPassword',
  'invalid-refresh-token': 'error.sessionEnded',
  'not-found': 'error.notFound',
  'wrong-password': 'error.wrongPassword',
  // Single sign-on and the password switch (docs/security.md)
  'password-sign-in-disabled': 'error.passwordSignInDisabled',
  'oidc-not-configured': 'error.oidc.notConfigured',
  'oidc-state-invalid': 'error.oidc.stateInvalid',
  'oidc-code-rejected': 'error.oidc.codeRejected',
  'oidc-denied': 'error.oidc.denied',
  'oidc-token-invalid': 'error.oidc.tokenInvalid',
  'oidc-wrong-issuer': 'error.oidc.wrongIssuer',
  'oidc-domain-not-allowed': 'error.oidc.domainNotAllowed',
  'oidc-email-unverified': 'error.oidc.emailUnverified',
  'oidc-provider-unavailable': 'error.oidc.providerUnavailable',
  'oidc-handoff-invalid': 'error.oidc.handoffInvalid',
  // Generic types the server also uses; their English `detail` would not fit a Korean UI.
  forbidden: 'error.forbidden',
  conflict: 'error.conflict',
  'stale-version': 'error.staleVersion',
  'malformed-request': 'error.generic',
  // Workspaces (docs/problems.md)
  'last-owner': 'error.lastOwner',
  'already-member': 'error.alreadyMember',
  'invitation-not-pending': 'error.invitationNotPending',
  'email-unverified': 'error.emailUnverified',
  'mail-disabled': 'error.mailDisabled',
  'invalid-invite-link': 'error.invalidInviteLink',
  'invite-link-expired': 'error.inviteLinkExpired',
  'invite-link-exhausted': 'error.inviteLinkExhausted',
  'invite-link-revoked': 'error.inviteLinkRevoked',
  // Administration (docs/administration.md)
  'last-administrator': 'admin.error.lastAdministrator',
  'not-an-administrator': 'admin.error.notAnAdministrator',
  'account-deactivated': 'admin.error.accountDeactivated',
  // Boards (docs/boards.md)
  'board-limit-reached': 'error.boardLimitReached',
  // Files (docs/files.md)
  'file-too-large': 'files.error.tooLarge',
  'storage-quota-exceeded': 'files.error.quota',
  'not-an-image': 'files.error.notAnImage',
  'malformed-upload': 'files.error.incomplete',
  'upload-incomplete': 'files.error.incomplete',
  'not-a-recording': 'files.error.notARecording',
  // Calendar (docs/calendar.md)
  'calendar-range-too-long': 'error.calendarRangeTooLong',
  internal: 'error.generic',
  unavailable: 'error.unavailable',
};

function isRateLimited(err) {
  return err instanceof ApiError && (err.type === 'rate-limited' || err.status === 429);
}

/**
 * Localized message for any error, as a producer function (so it re-translates
 * on language change): known problem type → dictionary; else the server's
 * `detail`; else a generic message.
 */
export function describeError(err) {
  if (!(err instanceof ApiError)) return tx('error.generic');
  if (err.network) return tx('error.network');
  if (isRateLimited(err)) {
    return () => {
      const seconds = err.secondsUntilRetry();
      return seconds ? t('error.rateLimited', { wait: formatWait(seconds) }) : t('error.rateLimitedNoWait');
    };
  }
  const key = PROBLEM_KEYS[err.type];
  if (key) return tx(key);
  const detail = err.problem?.detail;
  if (typeof detail === 'string' && detail.trim()) return () => detail;
  return tx('error.generic');
}

/** The message for a problem type the server named in an address (e.g. a failed single sign-on), with the type itself for support. */
export function describeProblemType(type) {
  const key = PROBLEM_KEYS[type] ?? 'error.generic';
  return () => `${t(key)} ${t('auth.sso.problemType', { type })}`;
}

/** Problem types that belong to one specific field when the server lists no field errors. */
const FIELD_FOR_TYPE = {
  'email-taken': ['email'],
  'weak-password': ['newPassword', 'password'],
  'wrong-password': ['currentPassword'],
};

// ---------------------------------------------------------------------------
// Validators: each returns a message producer, or null when the value is fine.

export function required(value) {
  return value.trim() ? null : tx('validation.required');
}

/** At most max characters (code points, as the server counts them). */
export function maxLength(value, max) {
  return Array.from(value.trim()).length > max ? tx('validation.tooLong', { max }) : null;
}

/** Required and at most max characters. */
export function requiredText(value, max) {
  return required(value) ?? maxLength(value, max);
}

export function validEmail(value) {
  if (!value.trim()) return tx('validation.required');
  // Deliberately loose: the server owns the real rule.
  return /^[^\s@]+@[^\s@]+$/.test(value.trim()) ? null : tx('validation.email');
}

/** The password policy: 10–128 characters and not the email itself. */
export function passwordPolicy(password, email) {
  if (!password) return tx('validation.required');
  if (password.length < PASSWORD_MIN) return tx('validation.passwordTooShort', { min: PASSWORD_MIN });
  if (password.length > PASSWORD_MAX) return tx('validation.passwordTooLong', { max: PASSWORD_MAX });
  if (email && password.trim().toLowerCase() === email.trim().toLowerCase()) {
    return tx('validation.passwordSameAsEmail');
  }
  return null;
}

// ---------------------------------------------------------------------------
// Fields

let fieldSeq = 0;

/**
 * A labelled form control with hint and error slots wired via aria-describedby.
 * @param {object} o
 * @param {string} o.name          input name (the API property name)
 * @param {string} o.label         dictionary key of the label
 * @param {string} [o.testid]
 * @param {string} [o.hint]        dictionary key of a hint shown under the control
 * @param {'input'|'select'|'textarea'} [o.control]
 * @param {Array<{value: string, label: string, lang?: string}>} [o.options] for selects (label = key)
 * @param {boolean} [o.revealable] adds a show/hide toggle (password inputs)
 * @param {object} [o.attrs]       extra attributes for the control (type, autocomplete, …)
 */
export function field({ name, label, testid, hint, control = 'input', options = [], revealable = false, attrs = {} }) {
  const id = `field-${name}-${++fieldSeq}`;
  const hintEl = hint ? h('p', { id: `${id}-hint`, class: 'field-hint', i18n: hint }) : null;
  const errorEl = h('p', { id: `${id}-error`, class: 'field-error' });
  const describedBy = [hintEl?.id, errorEl.id].filter(Boolean).join(' ');

  const input =
    control === 'select'
      ? h(
          'select',
          { id, name, testid, class: 'input select', 'aria-describedby': describedBy, ...attrs },
          options.map((opt) => h('option', { value: opt.value, lang: opt.lang, i18n: opt.label })),
        )
      : control === 'textarea'
        ? h('textarea', { id, name, testid, class: 'input textarea', 'aria-describedby': describedBy, ...attrs })
        : h('input', { id, name, testid, class: 'input', 'aria-describedby': describedBy, ...attrs });

  let controlEl = input;
  if (revealable) {
    const toggle = h('button', {
      type: 'button',
      class: 'input-addon',
      'aria-controls': id,
      'aria-pressed': 'false',
    });
    bind(toggle, {
      text: () => t(input.type === 'password' ? 'field.showPassword' : 'field.hidePassword'),
      attrs: {
        'aria-label': () => t(input.type === 'password' ? 'field.showPasswordLabel' : 'field.hidePasswordLabel'),
      },
    });
    toggle.addEventListener('click', () => {
      const reveal = input.type === 'password';
      input.type = reveal ? 'text' : 'password';
      toggle.setAttribute('aria-pressed', String(reveal));
      render(toggle);
      input.focus();
    });
    controlEl = h('div', { class: 'input-group' }, input, toggle);
  }

  const el = h(
    'div',
    { class: 'field' },
    h('label', { class: 'field-label', for: id, i18n: label }),
    controlEl,
    hintEl,
    errorEl,
  );

  return {
    el,
    input,
    /** @param {() => string} message producer */
    setError(message) {
      input.setAttribute('aria-invalid', 'true');
      bind(errorEl, { text: message });
    },
    clearError() {
      input.removeAttribute('aria-invalid');
      bind(errorEl, { text: () => '' });
    },
    get invalid() {
      return input.getAttribute('aria-invalid') === 'true';
    },
  };
}

// ---------------------------------------------------------------------------
// Controller

export class FormController {
  /**
   * @param {HTMLFormElement} form
   * @param {object} o
   * @param {HTMLElement} o.region  aria-live element for form-level messages
   * @param {HTMLButtonElement} o.submit
   * @param {Object<string, ReturnType<typeof field>>} [o.fields] keyed by API property name
   */
  constructor(form, { region, submit, fields = {} }) {
    this.form = form;
    this.region = region;
    this.submit = submit;
    this.fields = fields;
    this.busy = false;
    this.lockedUntil = 0;
    this.countdown = null;
  }

  /** Clears the form-level message and all field errors. */
  clear() {
    this.setMessage(null);
    Object.values(this.fields).forEach((f) => f.clearError());
  }

  /** @param {(() => string)|null} message */
  setMessage(message, variant = 'error') {
    this.stopCountdown();
    this.region.dataset.variant = variant;
    bind(this.region, { text: message ?? (() => '') });
  }

  /**
   * Applies validator results: [[field, messageOrNull], …]. Returns true when
   * all passed; otherwise shows the errors and focuses the first invalid field.
   */
  validate(checks) {
    let first = null;
    for (const [f, message] of checks) {
      if (!message) continue;
      f.setError(message);
      first ??= f;
    }
    if (!first) return true;
    this.setMessage(tx('error.validation'));
    first.input.focus();
    return false;
  }

  /**
   * Runs the submit task with the submit button disabled; any error is shown.
   * Re-entrant submits while busy are ignored.
   */
  async run(task) {
    if (this.busy || Date.now() < this.lockedUntil) return;
    this.clear();
    this.busy = true;
    setBusy(this.submit, true);
    this.form.setAttribute('aria-busy', 'true');
    try {
      await task();
    } catch (err) {
      this.showError(err);
    } finally {
      this.busy = false;
      this.form.removeAttribute('aria-busy');
      if (this.form.isConnected) setBusy(this.submit, false);
      if (Date.now() < this.lockedUntil) this.submit.disabled = true;
    }
  }

  /** Shows an API error: field errors next to their fields, a summary in the region. */
  showError(err) {
    // The app is already switching to the login screen.
    if (err instanceof ApiError && err.sessionEnded) return;
    if (!(err instanceof ApiError)) console.error(err);

    const unmatched = [];
    let firstInvalid = null;
    if (err instanceof ApiError) {
      for (const { field: name, message } of err.fieldErrors) {
        const target = this.fields[name];
        const producer = typeof message === 'string' && message ? () => message : tx('error.invalidField');
        if (target) {
          target.setError(producer);
          firstInvalid ??= target;
        } else if (typeof message === 'string' && message) {
          unmatched.push(message);
        }
      }
      if (!err.fieldErrors.length) {
        const name = (FIELD_FOR_TYPE[err.type] ?? []).find((n) => this.fields[n]);
        if (name) {
          this.fields[name].setError(describeError(err));
          firstInvalid = this.fields[name];
        }
      }
    }

    const summary = describeError(err);
    this.setMessage(unmatched.length ? () => [summary(), ...unmatched].join(' ') : summary);
    firstInvalid?.input.focus();

    const seconds = isRateLimited(err) ? err.secondsUntilRetry() : null;
    if (seconds) this.startCountdown(err.retryAt);
  }

  /** Keeps the submit disabled and the wait time ticking until the rate limit lifts. */
  startCountdown(until) {
    this.lockedUntil = until;
    this.submit.disabled = true;
    this.countdown = setInterval(() => {
      if (!this.form.isConnected) {
        this.stopCountdown();
      } else if (Date.now() >= this.lockedUntil) {
        this.setMessage(null);
        this.submit.disabled = this.busy;
      } else {
        render(this.region);
      }
    }, 1000);
  }

  stopCountdown() {
    clearInterval(this.countdown);
    this.countdown = null;
    if (Date.now() >= this.lockedUntil) this.lockedUntil = 0;
  }
}
