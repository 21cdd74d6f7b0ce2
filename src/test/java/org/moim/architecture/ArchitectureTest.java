package org.moim.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of ../shared/STYLE.md, kept by the build. */
class ArchitectureTest {

    private static JavaClasses moim;

    @BeforeAll
    static void importClasses() {
        moim = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.moim");
    }

    @Test
    void featuresNeverReachIntoAnotherFeaturesBoundary() {
        slices().matching("org.moim.(*)..")
                .should().beFreeOfCycles()
                .check(moim);
        noClasses().that().resideInAPackage("org.moim.(*)..")
                .should(new ArchCondition<>("not depend on another feature's boundary") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        String feature = feature(origin);
                        origin.getDirectDependenciesFromSelf().forEach(dependency -> {
                            JavaClass target = dependency.getTargetClass();
                            if (target.getPackageName().startsWith("org.moim.") && target.getPackageName().contains(".boundary")
                                    && !feature(target).equals(feature)) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        });
                    }
                })
                .check(moim);
    }

    @Test
    void thePlatformKnowsNoFeature() {
        // sun.misc: the JDK's supported signal API (jdk.unsupported), for the graceful stop on SIGTERM.
        noClasses().that().resideInAPackage("org.moim.platform..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.moim.platform..", "java..", "javax..", "jakarta..",
                        "org.eclipse.microprofile..", "org.flywaydb..", "org.eclipse.persistence..", "com.hazelcast..",
                        "sun.misc..")
                .check(moim);
    }

    @Test
    void controlAndEntityCodeNeverSpeaksHttp() {
        noClasses().that().resideInAnyPackage("..control..", "..entity..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "jakarta.servlet..", "jakarta.websocket..")
                .check(moim);
    }

    @Test
    void entitiesNeverAppearInBoundarySignatures() {
        DescribedPredicate<JavaClass> entity = DescribedPredicate.describe("an entity", c -> c.isAnnotatedWith(Entity.class));
        methods().that().areDeclaredInClassesThat().resideInAPackage("..boundary..").and().arePublic()
                .should(new ArchCondition<>("neither take nor return an entity") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        boolean leaks = entity.test(method.getRawReturnType())
                                || method.getRawParameterTypes().stream().anyMatch(entity);
                        if (leaks) {
                            events.add(SimpleConditionEvent.violated(method, method.getFullName() + " exposes an entity"));
                        }
                    }
                })
                .check(moim);
    }

    @Test
    void entitiesLiveInEntityPackages() {
        classes().that().areAnnotatedWith(Entity.class).should().resideInAPackage("..entity..").check(moim);
    }

    @Test
    void namesExplainThemselves() {
        noClasses().should().haveSimpleNameEndingWith("Manager")
                .orShould().haveSimpleNameEndingWith("Helper")
                .orShould().haveSimpleNameEndingWith("Util")
                .orShould().haveSimpleNameEndingWith("Utils")
                .orShould().haveSimpleNameEndingWith("ServiceImpl")
                .check(moim);
    }

    private static String feature(JavaClass type) {
        String rest = type.getPackageName().substring("org.moim.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
