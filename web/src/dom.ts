// The page's elements by id (index.html); a missing id is a programming error.
export const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
