@echo off
rem Command-line inpainting without Maven (built by `mvn package` into target\ImageJ\).
rem Needs Java 11 or newer on PATH. The bundled libtorch is for Linux x86-64: on Windows use
rem --method harmonic or biharmonic, or install DJL's PyTorch for Windows (docs/FIJI.md).
setlocal
set here=%~dp0
if "%GS_INPAINT_JAVA_OPTS%"=="" set GS_INPAINT_JAVA_OPTS=-Xmx4g
java %GS_INPAINT_JAVA_OPTS% -Djava.awt.headless=true -Dai.djl.offline=true -cp "%here%ij.jar;%here%plugins\*;%here%plugins\jars\*" io.github.gsinpaint.cli.InpaintCli %*
