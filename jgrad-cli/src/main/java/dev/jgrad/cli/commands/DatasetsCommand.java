package dev.jgrad.cli.commands;

import dev.jgrad.cli.CommonOptions;
import dev.jgrad.cli.ExitCodes;
import dev.jgrad.data.idx.IdxDataset;
import dev.jgrad.data.idx.IdxFiles;
import dev.jgrad.data.idx.IdxReader;
import dev.jgrad.data.idx.IdxSplit;
import dev.jgrad.data.synthetic.Shape2D;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code jgrad datasets}: what {@code --data} can use on this machine, and how to get the rest. Never downloads. */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = "List the datasets available on this machine and how to get the others.")
public final class DatasetsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Image datasets (IDX files; nothing is downloaded at run time):");
        for (IdxDataset d : IdxDataset.values()) {
            out.println(String.format(Locale.ROOT, "  %-14s %s", d.id(), describe(d)));
        }
        out.println();
        out.println("2D sets (generated on the fly; --samples, --noise, --seed):");
        for (Shape2D s : Shape2D.values()) {
            String kind = switch (s.kind()) {
                case BINARY -> "2 classes";
                case MULTI_CLASS -> "k classes (--classes, default " + s.defaultClasses() + ")";
                case REGRESSION -> "regression";
            };
            out.println(String.format(Locale.ROOT, "  %-14s %s", s.id(), kind));
        }
        out.println();
        out.println("Your own data:");
        out.println("  --data DIR        a directory with train-/t10k- images and labels IDX files (optionally .gz)");
        out.println("  --data FILE.csv   numeric feature columns and a label column (the last, or --label NAME)");
        out.flush();
        return ExitCodes.OK;
    }

    private static String describe(IdxDataset d) {
        Path dir;
        try {
            dir = d.locate();
        } catch (IOException e) {
            return "not installed: " + d.howToInstall();
        }
        try {
            int train = IdxReader.readHeader(IdxFiles.locate(dir, IdxSplit.TRAIN).images(), IdxReader.IMAGES_MAGIC).count();
            int test = IdxReader.readHeader(IdxFiles.locate(dir, IdxSplit.TEST).images(), IdxReader.IMAGES_MAGIC).count();
            return "installed in " + dir + " (" + train + " training and " + test + " test images, "
                    + d.classNames().size() + " classes)";
        } catch (IOException | RuntimeException e) {
            return "found in " + dir + " but unreadable: " + e.getMessage();
        }
    }
}
