package org.loyaltykpi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.domain.PurchaseTable;

/**
 * No public type of an exported package shares a simple name with a public type of the JDK packages a user's code
 * most often imports on demand ({@code import java.util.*;}, JShell's default start-up): an application that imports
 * both must never meet an ambiguous name.
 *
 * <p>The exported packages come from the compiled {@code module-info.class}, their public types from the compiled
 * classes; the JDK's types from the runtime image ({@link ModuleFinder#ofSystem()}), so the list follows the JDK the
 * build runs on (17 or 25), never a hand-written list.
 */
class PublicTypeNamesTest {

    private static final Set<String> JDK_PACKAGES =
            Set.of("java.lang", "java.util", "java.util.concurrent", "java.time", "java.io", "java.nio.file");

    @Test
    void noPublicTypeOfAnExportedPackageIsNamedLikeAPublicTypeOfTheCommonlyImportedJdkPackages() throws Exception {
        Map<String, String> jdk = jdkPublicTypes();
        List<Class<?>> ours = publicTypesOfExportedPackages();

        List<String> clashes = new ArrayList<>();
        for (Class<?> type : ours) {
            String clash = jdk.get(type.getSimpleName());
            if (clash != null) {
                clashes.add(type.getName() + " vs " + clash);
            }
        }
        assertThat(clashes).isEmpty();
    }

    @Test
    void theCheckSeesTheWholeApiAndTheWholeJdkPackages() throws Exception {
        // Guards the test above against passing by seeing nothing.
        assertThat(jdkPublicTypes()).containsKeys("Period", "TimeUnit", "Optional", "Path", "Record", "Duration");
        assertThat(publicTypesOfExportedPackages())
                .extracting(Class::getName)
                .contains(
                        "org.loyaltykpi.domain.DateRange",
                        "org.loyaltykpi.clv.TimeScale",
                        "org.loyaltykpi.domain.PurchaseTable$Builder")
                .noneMatch(name -> name.startsWith("org.loyaltykpi.internal."));
    }

    /** Simple name to qualified name of every public top-level type of {@link #JDK_PACKAGES} in the runtime image. */
    private static Map<String, String> jdkPublicTypes() throws IOException {
        Map<String, String> names = new TreeMap<>();
        for (ModuleReference module : ModuleFinder.ofSystem().findAll()) {
            ModuleDescriptor descriptor = module.descriptor();
            if (descriptor.packages().stream().noneMatch(JDK_PACKAGES::contains)) {
                continue;
            }
            try (ModuleReader reader = module.open();
                    Stream<String> entries = reader.list()) {
                for (String entry : (Iterable<String>) entries::iterator) {
                    int slash = entry.lastIndexOf('/');
                    if (slash < 0 || !entry.endsWith(".class") || entry.contains("$")) {
                        continue;
                    }
                    String pkg = entry.substring(0, slash).replace('/', '.');
                    if (!JDK_PACKAGES.contains(pkg)
                            || !descriptor.exports().stream()
                                    .anyMatch(e -> e.source().equals(pkg) && !e.isQualified())) {
                        continue;
                    }
                    String name = entry.substring(0, entry.length() - ".class".length())
                            .replace('/', '.');
                    if (isPublic(Class.forName(name, false, null))) {
                        names.put(name.substring(slash + 1), name);
                    }
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return names;
    }

    /** Every public type (top-level or nested in public types) of the packages module-info exports. */
    private static List<Class<?>> publicTypesOfExportedPackages() throws IOException, URISyntaxException {
        Path classes = Path.of(PurchaseTable.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        ModuleDescriptor module;
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            module = ModuleDescriptor.read(in);
        }
        Set<String> exported = new TreeSet<>();
        module.exports().forEach(e -> exported.add(e.source()));
        assertThat(exported).as("exported packages of %s", module.name()).isNotEmpty();

        List<Class<?>> types = new ArrayList<>();
        ClassLoader loader = PurchaseTable.class.getClassLoader();
        for (String pkg : exported) {
            Path dir = classes.resolve(pkg.replace('.', '/'));
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    String fileName = file.getFileName().toString();
                    if (!fileName.endsWith(".class") || fileName.equals("package-info.class")) {
                        continue;
                    }
                    String name = pkg + "." + fileName.substring(0, fileName.length() - ".class".length());
                    Class<?> type;
                    try {
                        type = Class.forName(name, false, loader);
                    } catch (ClassNotFoundException e) {
                        throw new IllegalStateException(e);
                    }
                    if (!type.isAnonymousClass() && !type.isLocalClass() && isPublic(type)) {
                        types.add(type);
                    }
                }
            }
        }
        return types;
    }

    /** Public, and so is every class it is nested in. */
    private static boolean isPublic(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers())) {
                return false;
            }
        }
        return true;
    }
}
