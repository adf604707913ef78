package dev.jgrad.bench.csv;

import java.util.List;

/** The RFC 4180 cases every CSV reader is run on, each a name and the file's exact text. */
final class CsvCorpus {

    record Case(String name, String text) {
    }

    private CsvCorpus() {
    }

    static final List<Case> CASES = List.of(
            new Case("plain, LF", "a,b\n1,2\n"),
            new Case("quoted comma", "x,\"a,b\",y\n"),
            new Case("doubled quotes", "\"say \"\"hi\"\"\",2\n"),
            new Case("CRLF", "a,b\r\n1,2\r\n"),
            new Case("CR only", "a,b\r1,2\r"),
            new Case("mixed LF/CRLF/CR, no final newline", "a,b\r\n1,2\n3,4\r5,6"),
            new Case("quoted LF, next record's line", "\"l1\nl2\",2\n3,4\n"),
            new Case("quoted CRLF", "\"l1\r\nl2\",2\r\n3,4\r\n"),
            new Case("UTF-8 BOM", "\uFEFFa,b\n1,2\n"),
            new Case("BOM before a quoted field", "\uFEFF\"a\",b\n"),
            new Case("empty fields", ",,\n1,,3\n"),
            new Case("empty quoted field", "\"\",1\n"),
            new Case("trailing delimiter", "1,2,\n"),
            new Case("no trailing newline", "a,b\n1,2"),
            new Case("trailing blank lines", "a,b\n1,2\n\n\n"),
            new Case("blank line inside", "a,b\n\n1,2\n"),
            new Case("whitespace-only line", "a,b\n   \n1,2\n"),
            new Case("ragged rows", "a,b,c\n1,2\n3,4,5,6\n"),
            new Case("unterminated quote", "a,\"b\n1,2\n"),
            new Case("text after closing quote", "\"a\"b,c\n"),
            new Case("quote inside unquoted field", "a\"b,c\n"),
            new Case("spaces around a quoted field", " \"a,b\" ,c\n"),
            new Case("spaces around plain fields", " 1 , 2 \n"),
            new Case("one column", "a\n1\n"),
            new Case("only an empty quoted field", "\"\"\n"),
            new Case("non-ASCII", "\u00e9,\u00fc\n"),
            new Case("empty file", ""),
            new Case("only a newline", "\n"));
}
