/**
 * First steps (#/welcome): where someone without a workspace lands after signing up. Two ways
 * on: create a workspace, or join one by an invitation (the invitations waiting for this email
 * address, or an invite link pasted in).
 */
import * as api from '../api.js';
import { bind, t, tx } from '../i18n.js';
import { h } from '../dom.js';
import { href, navigate } from '../router.js';
import { getMe } from '../store.js';
import { pageHeader } from './ui.js';

/** The token of an invite link ("…#/join/<token>") or a bare token; null if it is neither. */
export function inviteToken(text) {
  const value = text.trim();
  const match = value.match(/#\/join\/([^/?#\s]+)/);
  if (match) return decodeURIComponent(match[1]);
  return /^[A-Za-z0-9._~-]{16,}$/.test(value) ? value : null;
}

export function renderFirstSteps(main) {
  const name = getMe()?.displayName ?? '';
  const header = pageHeader({ title: tx('firstSteps.title', { name }), subtitle: tx('firstSteps.subtitle') });

  const create = h(
    'section',
    { class: 'panel first-step', testid: 'first-step-create' },
    h('span', { class: 'first-step-number', 'aria-hidden': 'true', text: '1' }),
    h('h2', { class: 'panel-title', i18n: 'firstSteps.createTitle' }),
    h('p', { class: 'muted', i18n: 'firstSteps.createText' }),
    h('a', { class: 'btn btn-primary', href: '#/workspaces/new', testid: 'first-step-create-link', i18n: 'firstSteps.createAction' }),
  );

  const pending = h('p', { class: 'first-step-pending', testid: 'first-step-pending', hidden: true });
  const link = h('input', { type: 'text', class: 'input', id: 'first-step-link', testid: 'first-step-link', autocomplete: 'off' });
  bind(link, { attrs: { placeholder: tx('firstSteps.linkPlaceholder') } });
  const error = h('p', { class: 'field-error', id: 'first-step-link-error', role: 'alert', testid: 'first-step-link-error' });
  const form = h(
    'form',
    { class: 'first-step-form', novalidate: true },
    h('label', { class: 'label', for: 'first-step-link', i18n: 'firstSteps.linkLabel' }),
    h('div', { class: 'first-step-row' }, link, h('button', { type: 'submit', class: 'btn btn-secondary', testid: 'first-step-link-submit', i18n: 'firstSteps.linkAction' })),
    error,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const token = inviteToken(link.value);
    if (!token) {
      error.textContent = t('firstSteps.linkInvalid');
      link.setAttribute('aria-invalid', 'true');
      link.setAttribute('aria-describedby', 'first-step-link-error');
      link.focus();
      return;
    }
    navigate(href('join', token));
  });
  const join = h(
    'section',
    { class: 'panel first-step', testid: 'first-step-join' },
    h('span', { class: 'first-step-number', 'aria-hidden': 'true', text: '2' }),
    h('h2', { class: 'panel-title', i18n: 'firstSteps.joinTitle' }),
    h('p', { class: 'muted', i18n: 'firstSteps.joinText' }),
    pending,
    form,
  );

  main.append(header, h('div', { class: 'page-body first-steps', testid: 'first-steps' }, create, join));

  let alive = true;
  api.myInvitations()
    .then((invitations) => {
      const list = Array.isArray(invitations) ? invitations : invitations?.items ?? [];
      const waiting = list.filter((i) => !i.status || i.status === 'PENDING').length;
      if (!alive || !waiting) return;
      pending.hidden = false;
      pending.replaceChildren(h('a', { class: 'link', href: '#/invitations', testid: 'first-step-invitations', text: t('firstSteps.pending', { count: waiting }) }));
    })
    .catch(() => {});
  return () => {
    alive = false;
  };
}
