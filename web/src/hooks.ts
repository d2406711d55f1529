import { useEffect } from 'react';

export function useTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · 网签` : '网签 · 高校毕业生就业协议网上签约';
  }, [title]);
}
