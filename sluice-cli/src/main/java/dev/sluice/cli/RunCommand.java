package dev.sluice.cli;

import dev.sluice.Sluice;
import dev.sluice.error.SluiceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code sluice run --class com.x.Job [--jar job.jar] -- args...}: runs a job class, like {@code spark-submit --class}.
 * A {@link SluiceJob} gets a session with the CLI's progress display; any other class runs through its
 * {@code public static void main(String[])}. Jars are loaded in a class loader whose parent holds Sluice, so the job
 * uses the CLI's Sluice classes. A failure of the job's own code is reported with its stack trace (it is the
 * user's code, not a Sluice bug) and exit code 5; a Sluice error keeps its category's exit code.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a job class from a jar or the classpath, like spark-submit --class.")
final class RunCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = {"-c", "--class"}, required = true, paramLabel = "CLASS", description = "The job class (a SluiceJob, or a class with main(String[])).")
    String className;

    @Option(names = "--jar", paramLabel = "JAR", description = "A jar holding the job and its libraries; repeat for more jars.")
    List<Path> jars = new ArrayList<>();

    @Option(names = "--parallelism", paramLabel = "P", description = "Worker threads of a SluiceJob's session (default: the number of processors).")
    Integer parallelism;

    @Parameters(paramLabel = "ARG", description = "Arguments for the job (put them after --).")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (parallelism != null && parallelism < 1) {
            throw new ParameterException(spec.commandLine(), "--parallelism must be >= 1, got " + parallelism);
        }
        ClassLoader loader = loader();
        Class<?> jobClass;
        try {
            jobClass = Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw new ParameterException(spec.commandLine(), "no class " + className + " in "
                    + (jars.isEmpty() ? "the classpath" : jars + " or the classpath") + " (give the jar with --jar)");
        }
        boolean sluiceJob = SluiceJob.class.isAssignableFrom(jobClass);
        Method main = sluiceJob ? null : mainMethod(jobClass);   // a usage error before anything runs
        String[] jobArgs = args.toArray(new String[0]);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);   // ServiceLoader lookups inside the job see the job's jars
        try {
            if (sluiceJob) {
                runSluiceJob(jobClass.asSubclass(SluiceJob.class), jobArgs);
            } else {
                main.invoke(null, (Object) jobArgs);
            }
            return ExitCodes.OK;
        } catch (InvocationTargetException e) {
            return jobFailed(e.getCause());
        } catch (SluiceException | ParameterException e) {
            throw e;
        } catch (Exception e) {
            return jobFailed(e);
        } finally {
            thread.setContextClassLoader(previous);
            if (loader instanceof URLClassLoader jobJars) jobJars.close();
        }
    }

    private void runSluiceJob(Class<? extends SluiceJob> type, String[] jobArgs) throws Exception {
        SluiceJob job;
        try {
            job = type.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new ParameterException(spec.commandLine(), className + " implements SluiceJob but has no public no-argument constructor");
        }
        Reports reports = Reports.requested(spec);
        Sluice.Builder builder = Sluice.builder().listener(Reports.with(reports, Progress.listener(spec)));
        if (parallelism != null) builder.parallelism(parallelism);
        try (Sluice sluice = builder.build()) {
            try {
                job.run(sluice, jobArgs);
            } finally {
                Reports.finish(reports, sluice.conf().parallelism(), sluice.storage().metrics(), spec.commandLine().getErr());
            }
        }
    }

    private Method mainMethod(Class<?> type) {
        try {
            Method main = type.getMethod("main", String[].class);
            if (Modifier.isStatic(main.getModifiers())) return main;
        } catch (NoSuchMethodException e) {
            // reported below
        }
        throw new ParameterException(spec.commandLine(), className + " is neither a " + SluiceJob.class.getName()
                + " nor has a public static void main(String[])");
    }

    /** The job's own failure: a Sluice error goes to the error reporter, anything else is printed here. */
    private int jobFailed(Throwable failure) throws Exception {
        if (failure instanceof SluiceException se) throw se;
        PrintWriter err = spec.commandLine().getErr();
        err.println("error: the job " + className + " failed: " + failure);
        failure.printStackTrace(err);
        err.flush();
        return ExitCodes.EXECUTION;
    }

    private ClassLoader loader() throws MalformedURLException {
        ClassLoader parent = RunCommand.class.getClassLoader();
        if (jars.isEmpty()) return parent;
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars) {
            if (!Files.isRegularFile(jar)) throw new ParameterException(spec.commandLine(), "--jar " + jar + ": no such file");
            urls.add(jar.toUri().toURL());
        }
        return new URLClassLoader("sluice-job", urls.toArray(new URL[0]), parent);
    }
}
