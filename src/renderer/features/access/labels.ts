import type { TFunction } from 'i18next';
import { accessDa } from './i18n';

// A value Digital Post sent, in words where the app knows it, else as sent (an unknown value is kept, never dropped).

export const stateLabel = (t: TFunction, state: string): string =>
  Object.hasOwn(accessDa.states, state) ? t(`access.states.${state}`) : state;

export const privilegeLabel = (t: TFunction, privilege: string): string =>
  Object.hasOwn(accessDa.privileges, privilege) ? t(`access.privileges.${privilege}`) : privilege;

export const privilegesLabel = (t: TFunction, privileges: readonly string[]): string =>
  privileges.map((p) => privilegeLabel(t, p)).join(', ');

export const dateLabel = (iso: string | undefined, language: string): string =>
  iso ? new Date(iso).toLocaleDateString(language === 'en' ? 'en-GB' : 'da-DK') : '';
