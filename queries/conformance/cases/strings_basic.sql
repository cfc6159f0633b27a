-- Basic string functions: concat (NULL if any argument is NULL), concat_ws (skips NULLs),
-- case mapping, trimming, padding, substrings, searching, length, reverse, replace.

CREATE TABLE names (id INT, first STRING, last STRING, note STRING);

INSERT INTO names VALUES
  (1, 'ada', 'lovelace', '  padded  '),
  (2, 'ALAN', 'turing', 'x'),
  (3, 'grace', NULL, ''),
  (4, NULL, 'hopper', NULL),
  (5, 'edsger w.', 'dijkstra', 'a,b,c');

SELECT id, concat(first, ' ', last), concat_ws(' ', first, last), concat_ws('-', first, NULL, last) FROM names ORDER BY id;

SELECT concat('a', 'b', 'c'), concat('a', NULL), concat_ws(',', 'a', NULL, 'c'), concat_ws(',', NULL, NULL), concat_ws(NULL, 'a', 'b'), 'x' || 'y';

SELECT id, upper(first), lower(first), initcap(first), initcap(last) FROM names ORDER BY id;

SELECT initcap('hello wORLD foo-bar'), upper('straße'), lower('ÀÉÎ'), initcap('');

SELECT concat('[', trim(note), ']'), concat('[', ltrim(note), ']'), concat('[', rtrim(note), ']') FROM names WHERE id = 1;

SELECT lpad('7', 3, '0'), lpad('hello', 3, 'x'), rpad('ab', 5, '*-'), rpad('abc', 2, 'z'), lpad('a', 5, ''), lpad(NULL, 3, '0');

SELECT substr('hello world', 1, 5), substr('hello world', 7), substr('hello world', -5), substr('hello world', -5, 2), substring('hello', 2, 3), substr('hello', 0, 2);

SELECT instr('hello', 'l'), instr('hello', 'z'), locate('l', 'hello'), locate('l', 'hello', 4), locate('z', 'hello'), instr(NULL, 'a');

SELECT length('hello'), length(''), length(NULL), length('héllo'), char_length('abc'), octet_length('héllo');

SELECT reverse('hello'), reverse(''), replace('a-b-c', '-', '+'), replace('aaa', 'a', 'bb'), replace('abc', 'z', 'y');

SELECT repeat('ab', 3), repeat('x', 0), concat('[', space(3), ']'), ascii('A'), ascii(''), ascii('abc');

SELECT id, length(first), reverse(last), substr(last, 2, 3) FROM names ORDER BY id;

SELECT translate('hello', 'el', 'ip'), translate('abcdef', 'abc', 'x'), translate('12-34', '-', '');

SELECT chr(65), lcase('ABC'), ucase('abc');
