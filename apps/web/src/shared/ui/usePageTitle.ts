import { useEffect } from 'react';
import { ja } from '../i18n/ja';

/** Each screen names itself in the window title (WCAG 2.4.2), e.g. 「ログイン | つなぐ」. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} | ${ja.app.name}`;
  }, [title]);
}
