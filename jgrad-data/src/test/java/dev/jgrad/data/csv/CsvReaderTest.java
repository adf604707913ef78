package dev.jgrad.data.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jgrad.data.DataFormatException;
import dev.jgrad.data.Dataset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void headerIsDetectedAndCategoricalLabelsAreSortedClasses() throws IOException {
        Path f = write("iris.csv", "sepal,petal,species\n5.1,1.4,setosa\n7.0,4.7,versicolor\n6.3,6.0,virginica\n"
                + "4.9,1.3,setosa\n\n");
        Dataset d = CsvReader.read(f);
        assertThat(d.size()).isEqualTo(4);
        assertThat(d.numFeatures()).isEqualTo(2);
        assertThat(d.featureNames()).containsExactly("sepal", "petal");
        assertThat(d.classNames()).containsExactly("setosa", "versicolor", "virginica");
        assertThat(d.labels()).containsExactly(0, 1, 2, 0);
        assertThat(d.features()).containsExactly(5.1f, 1.4f, 7.0f, 4.7f, 6.3f, 6.0f, 4.9f, 1.3f);
    }

    @Test
    void noHeaderIsDetectedWhenTheFirstRowIsData() throws IOException {
        Path f = write("xor.csv", "0,0,0\n0,1,1\r\n1,0,1\n1,1,0\n");
        Dataset d = CsvReader.read(f);
        assertThat(d.size()).isEqualTo(4);
        assertThat(d.featureNames()).containsExactly("x1", "x2");
        assertThat(d.classNames()).containsExactly("0", "1");
        assertThat(d.labels()).containsExactly(0, 1, 1, 0);
    }

    @Test
    void integerLabelsWithFewValuesAreClassesInNumericOrder() throws IOException {
        Path f = write("pm.csv", "a,y\n1,1\n2,-1\n3,1.0\n4,10\n");
        Dataset d = CsvReader.read(f);
        assertThat(d.classNames()).containsExactly("-1", "1", "10");
        assertThat(d.labels()).containsExactly(1, 0, 1, 2);
    }

    @Test
    void realValuedLabelsAreRegressionAndCanBeForced() throws IOException {
        Path f = write("reg.csv", "x,y\n1,0.5\n2,1.5\n3,2.25\n");
        Dataset d = CsvReader.read(f);
        assertThat(d.isRegression()).isTrue();
        assertThat(d.targets()).containsExactly(0.5f, 1.5f, 2.25f);
        Path ints = write("ints.csv", "x,y\n1,1\n2,2\n3,3\n");
        assertThat(CsvReader.read(ints, CsvOptions.defaults().withLabelKind(LabelKind.REGRESSION)).targets())
                .containsExactly(1, 2, 3);
        assertThat(CsvReader.read(ints).isRegression()).isFalse();
        assertThat(CsvReader.read(ints, CsvOptions.defaults().withMaxAutoClasses(2)).isRegression()).isTrue();
        assertThat(CsvReader.read(f, CsvOptions.defaults().withLabelKind(LabelKind.CLASSIFICATION)).classNames())
                .containsExactly("0.5", "1.5", "2.25");
    }

    @Test
    void labelColumnByIndexOrName() throws IOException {
        Path f = write("cols.csv", "Label,a,b\ncat,1,2\ndog,3,4\n");
        Dataset byName = CsvReader.read(f, CsvOptions.defaults().withLabelColumn("label"));
        Dataset byIndex = CsvReader.read(f, CsvOptions.defaults().withLabelColumn(0));
        assertThat(byName.classNames()).containsExactly("cat", "dog");
        assertThat(byName.features()).containsExactly(1, 2, 3, 4);
        assertThat(byIndex.features()).containsExactly(byName.features());
        assertThat(byName.featureNames()).containsExactly("a", "b");
        assertThatThrownBy(() -> CsvReader.read(f, CsvOptions.defaults().withLabelColumn("colour")))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("cols.csv: line 1: no column named 'colour'; the header has: Label, a, b");
        assertThatThrownBy(() -> CsvReader.read(f, CsvOptions.defaults().withLabelColumn(3)))
                .hasMessageContaining("label column index 3 is outside the 3 columns");
    }

    @Test
    void semicolonAndTabAreDetected() throws IOException {
        Dataset semi = CsvReader.read(write("semi.csv", "a;b;c\n1;2;x\n3;4;y\n"));
        assertThat(semi.features()).containsExactly(1, 2, 3, 4);
        Dataset tab = CsvReader.read(write("tab.tsv", "1\t2\t0\n3\t4\t1\n"));
        assertThat(tab.features()).containsExactly(1, 2, 3, 4);
        assertThat(CsvTokenizer.detectDelimiter("a,b\n1,2")).isEqualTo(',');
        assertThat(CsvTokenizer.detectDelimiter("\"x;y\",b\n1,2")).isEqualTo(',');
        Dataset forced = CsvReader.read(write("pipe.txt", "1|2|0\n3|4|1\n"), CsvOptions.defaults().withDelimiter('|'));
        assertThat(forced.features()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void quotedFieldsMayHoldDelimitersQuotesAndNewlines() throws IOException {
        Path f = write("q.csv", "\"x, first\",\"y\"\n1,\"New York, \"\"NY\"\"\"\n2,\"two\nlines\"\n3 , \"plain\" \n"
                + "4,oops\n");
        Dataset d = CsvReader.read(f);
        assertThat(d.featureNames()).containsExactly("x, first");
        assertThat(d.classNames()).containsExactly("New York, \"NY\"", "oops", "plain", "two\nlines");
        assertThat(d.features()).containsExactly(1, 2, 3, 4);
        assertThat(d.labels()).containsExactly(0, 3, 2, 1);
    }

    @Test
    void lineNumbersCountBlankLinesAndQuotedNewlines() throws IOException {
        Path f = write("lines.csv", "a,b,c\n\n1,\"x\ny\",0\n2,3,0\n4,five,1\n");
        DataFormatException e = catchThrowableOfType(() -> CsvReader.read(f), DataFormatException.class);
        // row "1,..." starts on line 3, its quoted field runs to line 4, so "4,five,1" is on line 6
        assertThat(e.getMessage()).contains("lines.csv: line 3, column 2").contains("expected a number but found 'x\\ny'"); // one line: the break is shown as \n
        Path g = write("lines2.csv", "a,b,c\n\n1,\"2\n\",0\n2,3,0\n4,five,1\n");
        DataFormatException e2 = catchThrowableOfType(() -> CsvReader.read(g), DataFormatException.class);
        assertThat(e2.line()).isEqualTo(6);
        assertThat(e2.column()).isEqualTo(2);
    }

    @Test
    void wrongFieldCountNamesFileLineAndCounts() throws IOException {
        Path f = write("bad-count.csv", "a,b,label\n1,2,0\n3,4\n");
        DataFormatException e = catchThrowableOfType(() -> CsvReader.read(f), DataFormatException.class);
        assertThat(e.getMessage()).contains("bad-count.csv: line 3:")
                .contains("expected 3 fields (as in the header on line 1, delimiter ',') but found 2");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.file()).isEqualTo(f.toString());
    }

    @Test
    void nonNumericFeatureNamesFileLineColumnAndValue() throws IOException {
        Path f = write("bad-value.csv", "a,b,label\n1,2,0\n3,abc,1\n");
        DataFormatException e = catchThrowableOfType(() -> CsvReader.read(f), DataFormatException.class);
        assertThat(e.getMessage())
                .isEqualTo(f + ": line 3, column 2: column 'b': expected a number but found 'abc'");
        assertThat(e.column()).isEqualTo(2);
    }

    @Test
    void emptyFieldsNanAndHexAreNotNumbers() throws IOException {
        assertThatThrownBy(() -> CsvReader.read(write("empty-field.csv", "1,2,0\n3,,1\n")))
                .hasMessageContaining("empty-field.csv: line 2, column 2")
                .hasMessageContaining("found an empty field");
        assertThatThrownBy(() -> CsvReader.read(write("nan.csv", "1,2,0\nNaN,4,1\n")))
                .hasMessageContaining("nan.csv: line 2, column 1").hasMessageContaining("found 'NaN'");
        assertThatThrownBy(() -> CsvReader.read(write("hex.csv", "1,2,0\n0x10,4,1\n")))
                .hasMessageContaining("line 2, column 1");
        assertThatThrownBy(() -> CsvReader.read(write("huge.csv", "1,2,0\n1e39,4,1\n")))
                .hasMessageContaining("outside the float range");
        assertThat(CsvReader.read(write("forms.csv", "+1,-2.5e-1,0\n.5,3.,1\n")).features())
                .containsExactly(1, -0.25f, 0.5f, 3);
    }

    @Test
    void forcedRegressionWithTextLabelIsAnError() throws IOException {
        Path f = write("reg-text.csv", "x,y\n1,2.5\n2,high\n");
        assertThatThrownBy(() -> CsvReader.read(f, CsvOptions.defaults().withLabelKind(LabelKind.REGRESSION)))
                .hasMessageContaining("reg-text.csv: line 3, column 2: column 'y': expected a number but found 'high'");
    }

    @Test
    void emptyAndHeaderOnlyFilesAreReported() throws IOException {
        Path empty = write("empty.csv", "");
        assertThatThrownBy(() -> CsvReader.read(empty)).isInstanceOf(DataFormatException.class)
                .hasMessage(empty + ": the file is empty; expected rows of numbers");
        Path blank = write("blank.csv", "\n \n");
        assertThatThrownBy(() -> CsvReader.read(blank)).hasMessageContaining("blank.csv: the file is empty");
        Path headerOnly = write("header-only.csv", "a,b,label\n");
        assertThatThrownBy(() -> CsvReader.read(headerOnly))
                .hasMessageContaining("header-only.csv: line 1: the header is not followed by any data row");
        Path oneColumn = write("one.csv", "1\n2\n");
        assertThatThrownBy(() -> CsvReader.read(oneColumn)).hasMessageContaining("one.csv: line 1: found 1 column");
    }

    @Test
    void unclosedQuoteAndJunkAfterQuoteAreReported() throws IOException {
        assertThatThrownBy(() -> CsvReader.read(write("open.csv", "a,b\n1,\"x\n2,y\n")))
                .hasMessageContaining("open.csv: line 2, column 2: quoted field is never closed");
        assertThatThrownBy(() -> CsvReader.read(write("junk.csv", "a,b\n1,\"x\"y\n")))
                .hasMessageContaining("junk.csv: line 2, column 2: unexpected 'y' after the closing quote");
    }

    @Test
    void explicitHeaderFlagWinsOverDetection() throws IOException {
        Path f = write("h.csv", "1,2,3\n4,5,6\n");
        Dataset d = CsvReader.read(f, CsvOptions.defaults().withHeader(true));
        assertThat(d.size()).isEqualTo(1);
        assertThat(d.featureNames()).containsExactly("1", "2");
        Path g = write("bom.csv", "\uFEFFa,b\n1,0\n");
        assertThat(CsvReader.read(g).featureNames()).containsExactly("a");
    }
}
