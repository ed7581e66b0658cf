package io.jtelegraf.spi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Plugins compile against the SPI and load it from the runtime's class loader, so it must not
 * drag in any library: its classes may use the JDK and each other only.
 */
@AnalyzeClasses(packages = "io.jtelegraf.spi", importOptions = ImportOption.DoNotIncludeTests.class)
class SpiDependsOnJdkOnlyTest {

    @ArchTest
    static final ArchRule spiUsesOnlyTheJdk = classes()
            .that().resideInAPackage("io.jtelegraf.spi..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.jtelegraf.spi..")
            .because("plugins see the SPI and nothing else of the runtime");
}
