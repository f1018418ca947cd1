import { createContext, useContext } from 'react';

/** The search phrase to mark in the values shown (the query's free text), or ''. */
export const HighlightContext = createContext('');

export const useHighlight = (): string => useContext(HighlightContext);
