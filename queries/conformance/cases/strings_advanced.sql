-- Regular expressions, split, format_number/printf, JSON paths, URLs, soundex, levenshtein.

SELECT regexp_replace('2024-03-15', '-', '/'), regexp_replace('abc123def', '[0-9]+', '#'), regexp_replace('aaa', 'a*', 'X');

SELECT regexp_replace('John Smith', '(\\w+) (\\w+)', '$2, $1'), regexp_replace('a.b.c', '\\.', '');

SELECT regexp_extract('foo123bar456', '([0-9]+)', 1), regexp_extract('foo123bar', '([a-z]+)([0-9]+)', 2), regexp_extract('abc', '([0-9]+)', 1), regexp_extract('k=v', '(\\w)=(\\w)', 0);

SELECT split('a,b,c', ','), split('a1b22c', '[0-9]+'), split('', ','), size(split('a,,b', ','));

SELECT split('a,b,c', ',')[0], split('a,b,c', ',')[2], split('a,b,c', ',')[5];

SELECT format_number(1234567.891D, 2), format_number(0.5D, 0), format_number(1234, 0), format_number(-1234.5D, 1), format_number(12.3456D, 3);

SELECT printf('%d items', 5), printf('%5s|%-5s|', 'ab', 'cd'), printf('%.3f', 3.14159D), printf('%05d', 42), printf('%s and %s', 'x', NULL);

SELECT get_json_object('{"a":1,"b":{"c":"x","d":[1,2,3]}}', '$.a'), get_json_object('{"a":1,"b":{"c":"x","d":[1,2,3]}}', '$.b.c'), get_json_object('{"a":1,"b":{"c":"x","d":[1,2,3]}}', '$.b.d[1]');

SELECT get_json_object('{"a":1,"b":{"c":"x"}}', '$.b'), get_json_object('{"a":1}', '$.missing'), get_json_object('not json', '$.a'), get_json_object('[{"k":1},{"k":2}]', '$[1].k');

SELECT parse_url('http://user@example.com:8080/path/to/page.html?x=1&y=two#frag', 'HOST'), parse_url('http://example.com/path/to/page.html?x=1&y=two#frag', 'PATH'), parse_url('http://example.com/p?x=1&y=two#frag', 'QUERY'), parse_url('http://example.com/p?x=1&y=two#frag', 'QUERY', 'y');

SELECT parse_url('http://example.com/p?x=1#frag', 'REF'), parse_url('https://example.com/p', 'PROTOCOL'), parse_url('http://user:pw@example.com/p', 'USERINFO'), parse_url('http://example.com:8080/p', 'AUTHORITY'), parse_url('http://example.com/p?x=1', 'FILE');

SELECT soundex('Robert'), soundex('Rupert'), soundex('Tymczak'), soundex('Ashcraft'), soundex('');

SELECT levenshtein('kitten', 'sitting'), levenshtein('', 'abc'), levenshtein('same', 'same'), levenshtein(NULL, 'a');

SELECT str_to_map('a:1,b:2,c:3'), str_to_map('k1=v1;k2=v2', ';', '='), sentences('Hello world. How are you?');

SELECT base64(CAST('hello' AS BINARY)), CAST(unbase64('aGVsbG8=') AS STRING), hex('ABC'), unhex('414243'), md5('abc'), sha1('abc'), crc32('abc');

SELECT encode('abc', 'UTF-8'), decode(encode('héllo', 'UTF-8'), 'UTF-8'), find_in_set('b', 'a,b,c'), find_in_set('d', 'a,b,c');

SELECT substring_index('www.apache.org', '.', 2), substring_index('www.apache.org', '.', -2);
