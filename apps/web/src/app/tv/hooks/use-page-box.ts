import { useLayoutEffect, useRef, useState } from 'react';
import type { PageBox } from '../tv-pages.js';

/** The inner size of an element and its font size, kept current as the screen or the header around it changes. */
export function usePageBox<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [box, setBox] = useState<PageBox | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const style = getComputedStyle(element);
      const width = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const height = element.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
      const next = { width, height, em: parseFloat(style.fontSize) };
      setBox((prev) => (prev && prev.width === next.width && prev.height === next.height && prev.em === next.em ? prev : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, box };
}
