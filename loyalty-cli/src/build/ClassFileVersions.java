import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A build step of the runnable jar (run by {@code loyalty-cli/pom.xml} right after the shade, with Java's source-file
 * launcher): raises the class file version of picocli's classes in the jar from 49 (Java 5, the version picocli is
 * compiled for) to 50 (Java 6).
 *
 * <p>Why: the class-data sharing archive (JDK 17-24) and the ahead-of-time cache (JDK 25 and newer) that the
 * {@code loyalty} launcher records on its first run cannot hold a class older than version 50. Picocli's classes, and
 * every class of the command line that names one of them, were then read from the jar, verified and interpreted again
 * on every run. At version 50 the archives hold those their verifier accepts without stack map frames (on JDK 25, 106
 * of the 176 that a {@code cohort} run loads; on JDK 17 about half), and a command starts sooner
 * (loyalty-benchmarks/RESULTS.md). Frames computed for the rest (with ASM) let JDK 25's cache hold all but 4, and
 * measured no faster: about 10 ms of a short command, nothing of a 9.9M-purchase {@code cohort}.
 *
 * <p>The bytecode means the same at version 50: a version-50 class without stack map frames is verified by the same
 * type-inferencing verifier as a version-49 class (the JVM falls back to it for version 50).
 *
 * <p>Usage: {@code java ClassFileVersions.java JAR PACKAGE_DIRECTORY}, for example {@code ... loyalty-cli-all.jar
 * picocli}. It fails when the directory holds no version-49 class, so a picocli release compiled for a newer Java is
 * noticed and this step removed.
 */
public final class ClassFileVersions {
    private static final int JAVA_5 = 49;
    private static final int JAVA_6 = 50;

    private ClassFileVersions() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java ClassFileVersions.java JAR PACKAGE_DIRECTORY");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        int raised;
        try (FileSystem zip = FileSystems.newFileSystem(jar)) {
            List<Path> classes;
            try (Stream<Path> files = Files.walk(zip.getPath("/", args[1]))) {
                classes = files.filter(f -> f.toString().endsWith(".class")).collect(Collectors.toList());
            }
            raised = 0;
            for (Path file : classes) {
                raised += raise(file) ? 1 : 0;
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (raised == 0) {
            System.err.println("ClassFileVersions: no class of version " + JAVA_5 + " under " + args[1] + "/ in " + jar
                    + ": this build step is no longer needed");
            System.exit(1);
        }
        System.out.println("ClassFileVersions: " + raised + " classes under " + args[1] + "/ raised from version "
                + JAVA_5 + " to " + JAVA_6 + " in " + jar.getFileName());
    }

    /** Raises one class from version 49 to 50; false when it is of another version. */
    private static boolean raise(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        boolean isClass = bytes.length > 8
                && (bytes[0] & 0xFF) == 0xCA
                && (bytes[1] & 0xFF) == 0xFE
                && (bytes[2] & 0xFF) == 0xBA
                && (bytes[3] & 0xFF) == 0xBE;
        int major = isClass ? (bytes[6] & 0xFF) << 8 | bytes[7] & 0xFF : -1;
        if (major != JAVA_5) {
            return false;
        }
        bytes[7] = JAVA_6;
        Files.write(file, bytes);
        return true;
    }
}
