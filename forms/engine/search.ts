/**
 * The longest search term the lists accept, in characters: the longest a searched text field (a
 * student's or employer's name) can hold — DEFAULT_MAX_LENGTH.text. Standalone so the web's list
 * page can use it without loading the engine.
 */
export const MAX_SEARCH_LENGTH = 500;
